package dev.gen.introspect;

import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.Identity;
import dev.gen.model.QualifiedName;
import dev.gen.model.TableStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Predicate;

/** Tables, their columns and comments: {@code tables.sql}. */
final class TableReader {

    private TableReader() {
    }

    static CatalogTables read(QueryRunner runner, Collection<String> schemas, Predicate<QualifiedName> excludeTable)
            throws SQLException {
        CatalogTables tables = new CatalogTables();
        runner.query(SqlResource.load("tables"), schemas, row -> {
            long oid = row.getLong("table_oid");
            String columnName = row.getString("column_name");
            if (columnName != null) {
                tables.addColumnName(oid, row.getInt("column_number"), columnName);
            }
            QualifiedName name = QualifiedName.of(row.getString("schema_name"), row.getString("table_name"));
            if (row.getBoolean("hidden") || excludeTable.test(name)) {
                return;
            }
            TableBuilder table = tables.add(oid, name);
            table.comment = row.getString("table_comment");
            table.stats = new TableStats(row.getLong("estimated_rows"), row.getLong("total_bytes"));
            if (columnName != null) {
                table.columns.put(row.getInt("column_number"), column(row));
            }
        });
        return tables;
    }

    private static Column column(ResultSet row) throws SQLException {
        Identity identity = identity(row.getString("identity"));
        // a generated column's pg_attrdef row holds its generation expression, which is no default; generated
        // columns are not modelled, so they read as plain columns
        boolean generated = !row.getString("generated").isEmpty();
        String defaultExpression = identity != null || generated ? null : row.getString("default_expression");
        return new Column(
                row.getString("column_name"),
                ColumnType.of(row.getString("column_type")),
                !row.getBoolean("not_null"),
                defaultExpression,
                identity,
                row.getString("column_comment"));
    }

    private static Identity identity(String attidentity) {
        return switch (attidentity) {
            case "a" -> Identity.ALWAYS;
            case "d" -> Identity.BY_DEFAULT;
            default -> null;
        };
    }
}
