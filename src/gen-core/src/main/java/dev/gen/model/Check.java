package dev.gen.model;

/**
 * A check constraint.
 *
 * @param name the constraint name, or null to let PostgreSQL choose ({@code <table>_<column>_check})
 * @param expression the boolean expression, without the {@code CHECK} keyword; on the current side and on a
 *     normalised desired side it is PostgreSQL's own rendering ({@code pg_get_constraintdef}), which the diff
 *     compares
 * @param column the column the check is declared on when it is a column constraint, else null; it only decides
 *     where {@code CREATE TABLE} writes it, so that PostgreSQL chooses the same name Hibernate's export gets
 * @param source the text Hibernate wrote, kept through normalisation for DDL: PostgreSQL's rendering of an
 *     {@code IN} list does not read back to itself, so creating the check from Hibernate's text is what makes
 *     the catalog equal Hibernate's own export; null when only the catalog's text is known
 */
public record Check(String name, String expression, String column, String source) {

    public Check(String name, String expression, String column) {
        this(name, expression, column, null);
    }

    public static Check of(String expression) {
        return new Check(null, expression, null, null);
    }

    /** A different expression (a renamed column, say): the source text no longer applies. */
    public Check withExpression(String newExpression) {
        return new Check(name, newExpression, column, null);
    }

    /** The same check in PostgreSQL's spelling, remembering the text it came from for DDL. */
    public Check normalised(String canonicalExpression) {
        return new Check(name, canonicalExpression, column, source != null ? source : expression);
    }

    public Check withName(String newName) {
        return new Check(newName, expression, column, source);
    }

    /** The text to write into DDL. */
    public String ddl() {
        return source != null ? source : expression;
    }
}
