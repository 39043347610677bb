package dev.gen.introspect;

import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Indexes that back no constraint: {@code indexes.sql}. */
final class IndexReader {

    /** Bit of {@code pg_index.indoption}: the key sorts descending. */
    private static final int DESCENDING = 1;

    private IndexReader() {
    }

    static void read(QueryRunner runner, Collection<String> schemas, CatalogTables tables) throws SQLException {
        runner.query(SqlResource.load("indexes"), schemas, row -> {
            TableBuilder table = tables.table(row.getLong("table_oid"));
            if (table != null) {
                table.indexes.add(index(tables, row));
            }
        });
    }

    private static Index index(CatalogTables tables, ResultSet row) throws SQLException {
        long tableOid = row.getLong("table_oid");
        int keyCount = row.getInt("key_count");
        Short[] numbers = (Short[]) row.getArray("column_numbers").getArray();
        Short[] options = (Short[]) row.getArray("options").getArray();
        Array texts = row.getArray("key_texts");
        String[] expressions = texts == null ? null : (String[]) texts.getArray();
        List<IndexKey> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            boolean descending = (options[i] & DESCENDING) != 0;
            if (numbers[i] == 0) {
                keys.add(new IndexKey(expressions[i], descending, true));
            } else {
                keys.add(new IndexKey(tables.columnName(tableOid, numbers[i]), descending, false));
            }
        }
        return new Index(
                row.getString("index_name"),
                keys,
                row.getBoolean("is_unique"),
                row.getString("method"),
                row.getString("predicate"));
    }
}
