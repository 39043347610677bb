package dev.gen.pg;

import java.util.Optional;

/**
 * A small lexer for SQL fragments that come from entity mappings ({@code @ColumnDefault}, {@code columnDefinition},
 * {@code @Check}, index expressions): it walks them as PostgreSQL's scanner does, skipping string literals (with
 * {@code E''} escapes), dollar-quoted strings, quoted identifiers and both kinds of comment (block comments nest),
 * and tells what would let the fragment leave its place in a larger statement: a statement terminator, a literal,
 * identifier or comment left open (it would swallow what follows), or a parenthesis closed that the fragment did
 * not open.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    /** Why {@code text} is not one self-contained fragment of a statement, or empty when it is. */
    public static Optional<String> problem(String text) {
        int depth = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("it contains a NUL character");
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                if (end < 0) {
                    return Optional.of("a -- comment runs to its end and would hide what follows it");
                }
                i = end + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int nested = 1;
                i += 2;
                while (i < n && nested > 0) {
                    if (text.startsWith("/*", i)) {
                        nested++;
                        i += 2;
                    } else if (text.startsWith("*/", i)) {
                        nested--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                if (nested > 0) {
                    return Optional.of("a /* comment is not closed");
                }
            } else if (c == '\'') {
                boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierPart(text.charAt(i - 2)));
                i = endOfQuoted(text, i, '\'', escapes);
                if (i < 0) {
                    return Optional.of("a string literal is not closed");
                }
            } else if (c == '"') {
                i = endOfQuoted(text, i, '"', false);
                if (i < 0) {
                    return Optional.of("a quoted identifier is not closed");
                }
            } else if (c == '$' && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
                int tagEnd = dollarTagEnd(text, i);
                if (tagEnd < 0) {
                    i++; // a positional parameter ($1) or a lone dollar
                } else {
                    String tag = text.substring(i, tagEnd + 1);
                    int close = text.indexOf(tag, tagEnd + 1);
                    if (close < 0) {
                        return Optional.of("a dollar-quoted string " + tag + " is not closed");
                    }
                    i = close + tag.length();
                }
            } else if (c == ';') {
                return Optional.of("it holds a statement terminator (;), so it would run as more than one"
                        + " statement");
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return Optional.of("it closes a parenthesis it did not open");
                }
                i++;
            } else {
                i++;
            }
        }
        return depth > 0 ? Optional.of("a parenthesis is not closed") : Optional.empty();
    }

    /** The index after the closing quote, doubled quotes (and backslash escapes) skipped; -1 when unclosed. */
    private static int endOfQuoted(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index of the closing {@code $} of a dollar-quote tag starting at {@code start}, or -1. */
    private static int dollarTagEnd(String text, int start) {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '$') {
            return i;
        }
        if (i >= text.length() || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return -1;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i : -1;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
