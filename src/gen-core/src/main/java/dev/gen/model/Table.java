package dev.gen.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything that belongs to it. Lists keep a meaningful order: columns in their declared
 * order; constraints and indexes sorted by the producer so that equal tables are equal records.
 *
 * @param primaryKey the primary key, or null
 * @param comment the table comment, or null
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueKey> uniqueKeys,
        List<Index> indexes,
        List<Check> checks,
        String comment) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueKeys = List.copyOf(uniqueKeys);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    public static Table of(QualifiedName name, List<Column> columns, PrimaryKey primaryKey) {
        return new Table(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of(), null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, comment);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, newForeignKeys, uniqueKeys, indexes, checks, comment);
    }

    public Table withUniqueKeys(List<UniqueKey> newUniqueKeys) {
        return new Table(name, columns, primaryKey, foreignKeys, newUniqueKeys, indexes, checks, comment);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, newIndexes, checks, comment);
    }

    public Table withChecks(List<Check> newChecks) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, newChecks, comment);
    }

    public Table withName(QualifiedName newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, comment);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, foreignKeys, uniqueKeys, indexes, checks, comment);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, newComment);
    }
}
