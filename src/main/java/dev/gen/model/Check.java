package dev.gen.model;

/**
 * A check constraint.
 *
 * @param name the constraint name, or null to let PostgreSQL choose ({@code <table>_<column>_check})
 * @param expression the boolean expression, without the {@code CHECK} keyword; on the current side and on a
 *     normalised desired side it is PostgreSQL's own rendering ({@code pg_get_constraintdef})
 * @param column the column the check is declared on when it is a column constraint, else null; it only decides
 *     where {@code CREATE TABLE} writes it, so that PostgreSQL chooses the same name Hibernate's export gets
 */
public record Check(String name, String expression, String column) {
    public static Check of(String expression) {
        return new Check(null, expression, null);
    }

    public Check withExpression(String newExpression) {
        return new Check(name, newExpression, column);
    }
}
