package dev.gen.emit;

import java.util.Locale;
import java.util.Optional;

/**
 * Java source for string literals that evaluate to exactly the given text, chosen to be readable in review.
 *
 * <p>SQL full of double-quoted identifiers is hard to read as {@code "ALTER TABLE \"public\"..."}, so such
 * statements become text blocks, which need no quote escapes. The output is pure ASCII (other characters become
 * escapes): a migration then compiles to the same statements whatever source encoding the compiling machine uses,
 * and invisible or bidirectional characters cannot hide in it.
 *
 * <p>Text blocks strip indentation and trailing white space and normalise line ends, so their content is escaped
 * with that in mind; text that no escape keeps intact there falls back to a {@code "..."} literal.
 */
final class JavaStringLiterals {

    /**
     * Longest {@code "..."} literal kept on the {@code ctx.execute(} line: 8 columns of indentation, 12 for
     * {@code ctx.execute(} and 2 for {@code );} make 100.
     */
    static final int MAX_PLAIN_LENGTH = 78;

    private JavaStringLiterals() {
    }

    /**
     * A text block when {@code value} holds a double quote or a line break or is long, and a text block can carry
     * it; otherwise a {@code "..."} literal. A text block begins with a line break, so the caller's indentation
     * applies to its content lines; it must be emitted with every content line indented alike (JavaPoet does).
     */
    static String literal(String value) {
        String plain = quoted(value);
        boolean readableAsBlock =
                value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || plain.length() > MAX_PLAIN_LENGTH;
        return readableAsBlock ? textBlock(value).orElse(plain) : plain;
    }

    /** A {@code "..."} literal; always possible. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> appendEscapedUnlessPlain(out, c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * A text block ({@code """}, a line break, the content, {@code """}) whose value is exactly {@code value}, or
     * empty when there is none, or none that compiles without warnings:
     * <ul>
     *   <li>when a line begins or ends with a non-ASCII white space character: only a Unicode escape could write
     *       it, and Unicode escapes are translated before the compiler strips white space;
     *   <li>when it holds U+0085, U+2028 or U+2029: the value comes out right, but javac's {@code text-blocks} lint
     *       takes them for line ends and warns of trailing white space, failing builds with {@code -Werror}.
     * </ul>
     */
    static Optional<String> textBlock(String value) {
        if (value.chars().anyMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029)) {
            return Optional.empty();
        }
        String[] lines = value.split("\n", -1);
        StringBuilder out = new StringBuilder(value.length() + 16).append("\"\"\"\n");
        int quotesInARow = 0;
        boolean indentationFixed = false;
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (l > 0) {
                out.append('\n');
                quotesInARow = 0;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean first = i == 0;
                boolean last = i == line.length() - 1;
                boolean lastOfAll = last && l == lines.length - 1;
                if (Character.isWhitespace(c) && c > 0x7F && ((first && !indentationFixed) || last)) {
                    return Optional.empty();
                }
                if (c == '"') {
                    // Three quotes in a row would close the block, and a quote right before the closing
                    // delimiter would merge with it.
                    if (quotesInARow == 2 || lastOfAll) {
                        out.append("\\\"");
                        quotesInARow = 0;
                    } else {
                        out.append('"');
                        quotesInARow++;
                    }
                } else if (c == ' ' && (last || (first && !indentationFixed))) {
                    // Trailing spaces are stripped; and the first content line must start at the common
                    // indentation, or its own leading spaces would count as incidental and be stripped everywhere.
                    out.append("\\s");
                    quotesInARow = 0;
                } else {
                    appendEscapedUnlessPlain(out, c);
                    quotesInARow = 0;
                }
            }
            // Empty lines do not take part in the indentation; the first non-empty one now starts with a
            // non-white-space character (or an escape), so it sets the common indentation.
            indentationFixed |= !line.isEmpty();
        }
        return Optional.of(out.append("\"\"\"").toString());
    }

    /**
     * Appends {@code c} as it is when it is printable ASCII other than the backslash, else as an escape: a named
     * one, an octal one for other control characters (string escapes survive the stripping of text blocks, and
     * three digits never run into a following digit), a Unicode escape beyond ASCII.
     */
    private static void appendEscapedUnlessPlain(StringBuilder out, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\f' -> out.append("\\f");
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    out.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
                } else if (c > 0x7F) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
