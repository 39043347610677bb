package dev.gen.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key. Two foreign keys mean the same when their columns, target and actions agree,
 * whatever their names.
 *
 * @param name the constraint name, or null to let PostgreSQL choose
 * @param onDelete the referential action in PostgreSQL's words ({@code NO ACTION}, {@code CASCADE},
 *     {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT})
 */
public record ForeignKey(
        String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
        String onDelete) {

    public static final String NO_ACTION = "NO ACTION";

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        onDelete = onDelete == null ? NO_ACTION : onDelete;
    }

    public boolean sameMeaning(ForeignKey other) {
        return columns.equals(other.columns)
                && referencedTable.equals(other.referencedTable)
                && referencedColumns.equals(other.referencedColumns)
                && onDelete.equals(other.onDelete);
    }

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete);
    }
}
