package dev.gen.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When two check expressions mean the same. Hibernate writes the values of an enum or discriminator check in the
 * order it met them (subclasses in the order the application registered them), and PostgreSQL keeps that order
 * in {@code = ANY (ARRAY[...])}; a list of constants is a set there, so the order must not make a change.
 */
final class CheckExpressions {

    static final Pattern ARRAY = Pattern.compile("ARRAY\\[([^\\[\\]]*)\\]");
    static final Pattern CONSTANT = Pattern.compile(
            "\\s*(?:'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?)(?:::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?)*\\s*");

    private CheckExpressions() {
    }

    static boolean sameMeaning(String a, String b) {
        return a.equals(b) || comparable(a).equals(comparable(b));
    }

    /** The expression with the constants of every constant-only ARRAY[...] in sorted order. */
    static String comparable(String expression) {
        Matcher matcher = ARRAY.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            List<String> elements = splitTopLevel(matcher.group(1));
            boolean constants = !elements.isEmpty() && elements.stream().allMatch(e -> CONSTANT.matcher(e).matches());
            String replacement = matcher.group();
            if (constants) {
                List<String> sorted = new ArrayList<>(elements.stream().map(String::trim).toList());
                sorted.sort(null);
                replacement = "ARRAY[" + String.join(", ", sorted) + "]";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Splits on commas outside string literals. */
    static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
