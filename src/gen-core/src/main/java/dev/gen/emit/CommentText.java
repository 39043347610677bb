package dev.gen.emit;

import java.util.Locale;

/**
 * Makes arbitrary text (change descriptions with user-chosen identifiers, the header note) safe inside generated
 * comments, keeping the file pure ASCII like {@link JavaStringLiterals} does.
 *
 * <p>Besides the obvious {@code *}{@code /}, the danger is the backslash: the compiler translates Unicode escapes
 * such as {@code \}{@code u000a} before it sees comments at all, so a description could end a comment and turn the
 * rest of the line into code. Control characters become spaces: they are invisible in review anyway, and the exact
 * text is in the statements.
 */
final class CommentText {

    private CommentText() {
    }

    /** One line of Javadoc text: HTML-escaped, with no tags, no comment end, no line break. */
    static String javadoc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                // '@' would start a block tag at the start of a line, or an inline tag after '{'.
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> appendAsciiOrEscape(out, c);
            }
        }
        return out.toString();
    }

    /** One line of a {@code //} comment. */
    static String lineComment(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                // Doubling every backslash keeps every run of them even, and a Unicode escape needs an odd one.
                out.append("\\\\");
            } else {
                appendAsciiOrEscape(out, c);
            }
        }
        return out.toString();
    }

    private static void appendAsciiOrEscape(StringBuilder out, char c) {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            out.append(' ');
        } else if (c > 0x7F) {
            // Translated back to the character by the compiler, which is harmless in a comment for non-ASCII.
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
