package dev.gen.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key. Two foreign keys mean the same when their column pairs (column, referenced column), target and
 * actions agree, whatever their names and the order of the pairs: Hibernate's column-ordering strategy reorders a
 * composite key's pairs on its create path only, and PostgreSQL enforces either order alike.
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
        return referencedTable.equals(other.referencedTable)
                && onDelete.equals(other.onDelete)
                && columns.size() == other.columns.size()
                && pairs().equals(other.pairs());
    }

    private java.util.Set<List<String>> pairs() {
        java.util.Set<List<String>> pairs = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.add(List.of(columns.get(i), i < referencedColumns.size() ? referencedColumns.get(i) : ""));
        }
        return pairs;
    }

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete);
    }
}
