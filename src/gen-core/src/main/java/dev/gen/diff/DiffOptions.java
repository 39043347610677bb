package dev.gen.diff;

import dev.gen.model.QualifiedName;
import java.util.Map;

/**
 * What the user told gen that a diff cannot see for itself.
 *
 * @param tableRenames old table name to new, for tables the user renamed
 * @param columnRenames per table (by its new name), old column name to new
 * @param enumValueRenames per PostgreSQL enum type, old label to new
 */
public record DiffOptions(Map<QualifiedName, QualifiedName> tableRenames,
        Map<QualifiedName, Map<String, String>> columnRenames,
        Map<QualifiedName, Map<String, String>> enumValueRenames) {

    public DiffOptions {
        tableRenames = Map.copyOf(tableRenames);
        columnRenames = Map.copyOf(columnRenames);
        enumValueRenames = Map.copyOf(enumValueRenames);
    }

    public DiffOptions(Map<QualifiedName, QualifiedName> tableRenames,
            Map<QualifiedName, Map<String, String>> columnRenames) {
        this(tableRenames, columnRenames, Map.of());
    }

    public static DiffOptions defaults() {
        return new DiffOptions(Map.of(), Map.of(), Map.of());
    }
}
