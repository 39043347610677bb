package dev.gen.model;

import java.util.Objects;

/**
 * A table column.
 *
 * @param defaultExpression the default as an SQL expression in PostgreSQL's canonical form, or null
 * @param identity whether the column is an identity column, or null when it is not
 * @param comment the column comment, or null
 */
public record Column(
        String name, ColumnType type, boolean nullable, String defaultExpression, Identity identity, String comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, ColumnType.of(type), nullable, null, null, null);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultExpression, identity, comment);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultExpression, identity, comment);
    }

    public Column withDefault(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, comment);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultExpression, newIdentity, comment);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultExpression, identity, newComment);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultExpression, identity, comment);
    }
}
