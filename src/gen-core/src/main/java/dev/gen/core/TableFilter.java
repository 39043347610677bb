package dev.gen.core;

import dev.gen.model.QualifiedName;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tables gen leaves alone: the history table always, and whatever {@code --exclude-table} globs match
 * ({@code audit_*}, or {@code reporting.*} with a schema).
 */
final class TableFilter implements Predicate<QualifiedName> {

    private final QualifiedName history;
    private final List<Pattern> patterns;

    TableFilter(QualifiedName history, List<String> globs) {
        this.history = history;
        this.patterns = globs.stream().map(TableFilter::toRegex).toList();
    }

    /** True for a table gen must not touch. */
    @Override
    public boolean test(QualifiedName table) {
        if (table.equals(history)) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(table.name()).matches() || pattern.matcher(table.schema() + "." + table.name()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
