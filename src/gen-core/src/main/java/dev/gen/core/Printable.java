package dev.gen.core;

/**
 * Text as it may be printed to a terminal: names come from entity classes and the database, and a name holding
 * an escape sequence must not move the cursor, recolour or rewrite what gen prints. Control characters (C0 but
 * line feed, C1, DEL) and the bidirectional overrides are written as {@code \}{@code uXXXX}.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with its control characters escaped; line feeds stay, so a message keeps its lines. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (control) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
