package dev.gen.model;

/** A column of a table, for maps keyed by column. */
public record ColumnRef(QualifiedName table, String column) implements Comparable<ColumnRef> {
    @Override
    public int compareTo(ColumnRef other) {
        int byTable = table.compareTo(other.table);
        return byTable != 0 ? byTable : column.compareTo(other.column);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
