package dev.gen.diff;

import dev.gen.model.QualifiedName;

/**
 * A drop and an add that look like one rename: a column dropped and one added in the same table with a compatible
 * type; a table dropped and one added with the same columns; an enum type's label removed and another added at
 * the same position. Only the user can tell which it is.
 *
 * @param table for a column: the table (by its name after any table rename); for a table: the old name; for an
 *     enum label: the enum type
 * @param from the old column name or label, or null for a table
 * @param to the new column name or label, or null for a table
 * @param newTable for a table: the new name; otherwise null
 * @param enumValue true for an enum label
 */
public record RenameCandidate(QualifiedName table, String from, String to, QualifiedName newTable,
        boolean enumValue) {

    public static RenameCandidate column(QualifiedName table, String from, String to) {
        return new RenameCandidate(table, from, to, null, false);
    }

    public static RenameCandidate table(QualifiedName from, QualifiedName to) {
        return new RenameCandidate(from, null, null, to, false);
    }

    public static RenameCandidate enumValue(QualifiedName type, String from, String to) {
        return new RenameCandidate(type, from, to, null, true);
    }

    public boolean isTable() {
        return newTable != null;
    }

    /** {@code users.nick to users.nickname}, as the prompt and the refusal say it; the schema only when not default. */
    public String describe(String defaultSchema) {
        if (isTable()) {
            return display(table, defaultSchema) + " to " + display(newTable, defaultSchema);
        }
        if (enumValue) {
            return "value " + from + " of enum type " + display(table, defaultSchema) + " to " + to;
        }
        String t = display(table, defaultSchema);
        return t + "." + from + " to " + t + "." + to;
    }

    /** The command-line flag that confirms this rename. */
    public String flag(String defaultSchema) {
        if (isTable()) {
            return "--rename-table " + display(table, defaultSchema) + "=" + display(newTable, defaultSchema);
        }
        if (enumValue) {
            return "--rename-enum-value " + display(table, defaultSchema) + "." + from + "=" + to;
        }
        return "--rename " + display(table, defaultSchema) + "." + from + "=" + to;
    }

    private static String display(QualifiedName name, String defaultSchema) {
        return name.schema().equals(defaultSchema) ? name.name() : name.toString();
    }
}
