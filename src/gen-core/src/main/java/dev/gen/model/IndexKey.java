package dev.gen.model;

/** One key of an index: a column, or an expression when {@code expression} is true, and its direction. */
public record IndexKey(String column, boolean descending, boolean expression) {
    public static IndexKey column(String column) {
        return new IndexKey(column, false, false);
    }

    public static IndexKey column(String column, boolean descending) {
        return new IndexKey(column, descending, false);
    }
}
