package dev.gen.target;

import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;

/** Turns Hibernate's identifiers into the names PostgreSQL's catalog will hold. */
final class Names {

    private Names() {
    }

    /** Unquoted identifiers are folded to lower case, exactly as PostgreSQL folds them. */
    static String physical(Identifier identifier) {
        if (identifier == null) {
            return null;
        }
        return identifier.isQuoted() ? identifier.getText() : identifier.getText().toLowerCase(Locale.ROOT);
    }

    /** For names Hibernate writes into DDL verbatim: backticks or double quotes mark a quoted one. */
    static String physical(String text) {
        return text == null ? null : physical(Identifier.toIdentifier(text));
    }
}
