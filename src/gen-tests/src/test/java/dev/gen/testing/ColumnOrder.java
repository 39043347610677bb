package dev.gen.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link CatalogSnapshot} leaves out on purpose: the order of each table's columns (their positions) and of
 * each primary key's columns, read from the catalog with the tests' own query.
 */
public final class ColumnOrder {

    private ColumnOrder() {
    }

    /** {@code schema.table} to {@code columns: a,b,c | primary key: (x, y)}, for every table of the database. */
    public static Map<String, String> of(TestDatabase database) {
        Map<String, String> order = new TreeMap<>();
        String query = "select n.nspname || '.' || c.relname,"
                + " (select string_agg(a.attname, ',' order by a.attnum) from pg_attribute a"
                + "   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),"
                + " (select pg_get_constraintdef(k.oid) from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind = 'r' and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'"
                + " and c.relname <> 'gen_migrations'";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                order.put(rows.getString(1), "columns: " + rows.getString(2) + " | " + rows.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return order;
    }
}
