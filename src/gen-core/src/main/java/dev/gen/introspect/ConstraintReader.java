package dev.gen.introspect;

import dev.gen.model.Check;
import dev.gen.model.ForeignKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.UniqueKey;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/** Primary keys, unique keys, foreign keys and checks: {@code constraints.sql}. */
final class ConstraintReader {

    private static final String CHECK_PREFIX = "CHECK ";
    private static final String NOT_VALID_SUFFIX = " NOT VALID";

    private ConstraintReader() {
    }

    /** Adds each constraint to its table; constraints of tables not modelled (excluded ones) are dropped. */
    static void read(QueryRunner runner, Collection<String> schemas, CatalogTables tables) throws SQLException {
        runner.query(SqlResource.load("constraints"), schemas, row -> {
            TableBuilder table = tables.table(row.getLong("table_oid"));
            if (table != null) {
                add(table, tables, row);
            }
        });
    }

    private static void add(TableBuilder table, CatalogTables tables, ResultSet row) throws SQLException {
        String name = row.getString("constraint_name");
        List<String> columns = tables.columnNames(row.getLong("table_oid"), row.getArray("column_numbers"));
        switch (row.getString("kind")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns);
            case "u" -> table.uniqueKeys.add(new UniqueKey(name, columns));
            case "f" -> table.foreignKeys.add(new ForeignKey(
                    name,
                    columns,
                    QualifiedName.of(row.getString("referenced_schema"), row.getString("referenced_table")),
                    referencedColumns(tables, row),
                    referentialAction(row.getString("on_delete"))));
            case "c" -> {
                table.checks.add(new Check(name, checkExpression(row.getString("definition")), null));
                table.checkColumns.put(name, columns);
            }
            default -> throw new IllegalStateException("Unexpected constraint kind " + row.getString("kind"));
        }
    }

    /**
     * The expression of {@code pg_get_constraintdef}: {@code CHECK ((a > 0))} gives {@code ((a > 0))}, outer
     * parentheses kept as printed. Validity is not modelled, so a {@code NOT VALID} check reads like a valid one.
     */
    static String checkExpression(String definition) {
        String expression = definition.startsWith(CHECK_PREFIX) ? definition.substring(CHECK_PREFIX.length()) : definition;
        return expression.endsWith(NOT_VALID_SUFFIX)
                ? expression.substring(0, expression.length() - NOT_VALID_SUFFIX.length())
                : expression;
    }

    static String referentialAction(String code) {
        return switch (code) {
            case "a" -> "NO ACTION";
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> throw new IllegalStateException("Unknown referential action " + code);
        };
    }

    /** Looked up by the query for a table in another schema, which tables.sql may not have read. */
    private static List<String> referencedColumns(CatalogTables tables, ResultSet row) throws SQLException {
        Array names = row.getArray("referenced_columns");
        return names != null
                ? QueryRunner.texts(names)
                : tables.columnNames(row.getLong("referenced_oid"), row.getArray("referenced_column_numbers"));
    }

}
