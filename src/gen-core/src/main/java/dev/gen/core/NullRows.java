package dev.gen.core;

import dev.gen.diff.Change;
import dev.gen.model.ColumnRef;
import dev.gen.model.Schema;
import dev.gen.pg.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows hold NULL in each existing column a plan makes NOT NULL: {@code SET NOT NULL} fails on such a
 * table at run time, so gen counts them at generate time, in one read-only query for all such columns.
 */
final class NullRows {

    private NullRows() {
    }

    /** The existing columns {@code changes} make NOT NULL. */
    static List<ColumnRef> madeNotNull(List<Change> changes, Schema current) {
        List<ColumnRef> columns = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.AlterColumnNullability alter && !alter.nullable()
                    && current.table(alter.table()) != null) {
                columns.add(new ColumnRef(alter.table(), alter.column()));
            }
        }
        return columns;
    }

    /** Each column's NULL rows; identifiers through the one quoting place, no user value in the text. */
    static Map<ColumnRef, Long> count(Connection connection, List<ColumnRef> columns) throws SQLException {
        Map<ColumnRef, Long> counts = new HashMap<>();
        if (columns.isEmpty()) {
            return counts;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnRef column = columns.get(i);
            parts.add("SELECT " + i + ", count(*) FROM " + Sql.ident(column.table()) + " WHERE "
                    + Sql.ident(column.column()) + " IS NULL");
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(String.join(" UNION ALL ", parts))) {
            while (rows.next()) {
                counts.put(columns.get(rows.getInt(1)), rows.getLong(2));
            }
        }
        return counts;
    }
}
