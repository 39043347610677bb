package dev.gen.model;

import java.util.Objects;

/**
 * A column type in PostgreSQL's canonical spelling, the text {@code format_type()} returns
 * (for example {@code character varying(255)}, {@code timestamp(6) with time zone}, {@code integer[]}).
 * Both sides of the diff are brought to this spelling before they are compared.
 */
public record ColumnType(String sql) {
    public ColumnType {
        Objects.requireNonNull(sql, "sql");
    }

    public static ColumnType of(String sql) {
        return new ColumnType(sql);
    }

    @Override
    public String toString() {
        return sql;
    }
}
