package dev.gen.hibernate;

import dev.gen.model.Identifiers;
import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;

/**
 * Turns Hibernate's identifiers into the names PostgreSQL's catalog will hold: unquoted ones folded to lower case,
 * and every one cut to PostgreSQL's 63 bytes ({@code NAMEDATALEN - 1}), as PostgreSQL cuts it, silently, in every
 * statement (the DDL that creates the object and each query the application sends). Implicit naming makes such
 * names for join and collection tables ({@code Entity_longCollectionProperty}).
 */
final class Names {

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

    /** The name as PostgreSQL stores it, cut to its 63 bytes. */
    static String truncated(String name) {
        return Identifiers.truncated(name);
    }
}
