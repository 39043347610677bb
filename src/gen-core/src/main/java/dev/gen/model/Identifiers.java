package dev.gen.model;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's limit on names, in one place: at most 63 bytes of UTF-8 ({@code NAMEDATALEN - 1}), cut without
 * splitting a character, as its {@code truncate_identifier} with {@code pg_mbcliplen} does. PostgreSQL applies the cut
 * silently in every statement, so both the Hibernate side and the names gen derives for constraints follow it.
 */
public final class Identifiers {

    /** PostgreSQL's {@code NAMEDATALEN - 1}. */
    public static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /** The name as PostgreSQL stores it. */
    public static String truncated(String name) {
        if (name == null || name.length() * 4 <= MAX_BYTES || bytes(name) <= MAX_BYTES) {
            return name;
        }
        return clip(name, MAX_BYTES);
    }

    /** The length of {@code text} in UTF-8. */
    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code text} cut to at most {@code limit} bytes of UTF-8 without splitting a character. */
    public static String clip(String text, int limit) {
        StringBuilder result = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > limit) {
                break;
            }
            result.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }
}
