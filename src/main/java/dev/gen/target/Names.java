package dev.gen.target;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;

/**
 * Turns Hibernate's identifiers into the names PostgreSQL's catalog will hold: unquoted ones folded to lower case,
 * and every one cut to PostgreSQL's 63 bytes ({@code NAMEDATALEN - 1}), as PostgreSQL cuts it, silently, in every
 * statement (the DDL that creates the object and each query the application sends). Implicit naming makes such
 * names for join and collection tables ({@code Entity_longCollectionProperty}).
 */
final class Names {

    /** PostgreSQL's {@code NAMEDATALEN - 1}. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private Names() {
    }

    /** Unquoted identifiers are folded to lower case, exactly as PostgreSQL folds them. */
    static String physical(Identifier identifier) {
        if (identifier == null) {
            return null;
        }
        return physical(identifier.getText(), identifier.isQuoted());
    }

    /**
     * A name as Hibernate holds it, quoted or not, to the name in the catalog. Hibernate writes a quoted name's
     * text between double quotes as it is, so PostgreSQL reads a doubled quote in it ({@code "we""ird"}) as one.
     */
    static String physical(String text, boolean quoted) {
        return truncated(quoted ? text.replace("\"\"", "\"") : text.toLowerCase(Locale.ROOT));
    }

    /** For names Hibernate writes into DDL verbatim: backticks or double quotes mark a quoted one. */
    static String physical(String text) {
        return text == null ? null : physical(Identifier.toIdentifier(text));
    }

    /**
     * The name as PostgreSQL stores it: at most 63 bytes of UTF-8, never splitting a character (as its
     * {@code truncate_identifier} with {@code pg_mbcliplen} does).
     */
    static String truncated(String name) {
        if (name == null || name.length() * 4 <= MAX_IDENTIFIER_BYTES
                || name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        StringBuilder result = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > MAX_IDENTIFIER_BYTES) {
                break;
            }
            result.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }
}
