package dev.gen.postgres;

import dev.gen.model.Identifiers;
import java.util.List;

/**
 * The names PostgreSQL gives constraints created without one ({@code users_pkey}, {@code users_email_key},
 * {@code users_role_check}). gen needs them to undo what it added unnamed, and reproduces
 * PostgreSQL's {@code makeObjectName}: identifiers are at most 63 bytes, and the longer part is shortened first.
 */
public final class PgNames {

    private PgNames() {
    }

    public static String primaryKey(String table) {
        return makeObjectName(table, null, "pkey");
    }

    public static String uniqueKey(String table, List<String> columns) {
        return makeObjectName(table, String.join("_", columns), "key");
    }

    /** @param firstColumn the first column the expression mentions, or null */
    public static String check(String table, String firstColumn) {
        return makeObjectName(table, firstColumn, "check");
    }

    /** The temporary check that lets {@code SET NOT NULL} skip its scan ({@code users_email_not_null}). */
    public static String notNullCheck(String table, String column) {
        return makeObjectName(table, column, "not_null");
    }

    public static String foreignKey(String table, List<String> columns) {
        return makeObjectName(table, String.join("_", columns), "fkey");
    }

    static String makeObjectName(String name1, String name2, String label) {
        int overhead = (label == null ? 0 : label.length() + 1) + (name2 == null ? 0 : 1);
        int available = Identifiers.MAX_BYTES - overhead;
        int name1Bytes = Identifiers.bytes(name1);
        int name2Bytes = name2 == null ? 0 : Identifiers.bytes(name2);
        while (name1Bytes + name2Bytes > available) {
            if (name1Bytes > name2Bytes) {
                name1Bytes--;
            } else {
                name2Bytes--;
            }
        }
        StringBuilder name = new StringBuilder(Identifiers.clip(name1, name1Bytes));
        if (name2 != null) {
            name.append('_').append(Identifiers.clip(name2, name2Bytes));
        }
        if (label != null) {
            name.append('_').append(label);
        }
        return name.toString();
    }
}
