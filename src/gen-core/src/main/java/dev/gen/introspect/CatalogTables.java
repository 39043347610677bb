package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables one read found: the modelled ones by name and by oid, and the column names of every table read
 * (modelled or not), so that constraints and indexes, which the catalog gives as column numbers, get their
 * names in Java rather than through a correlated subquery per row.
 */
final class CatalogTables {

    final Map<QualifiedName, TableBuilder> byName = new LinkedHashMap<>();
    private final Map<Long, TableBuilder> byOid = new HashMap<>();
    private final Map<Long, Map<Integer, String>> columnNames = new HashMap<>();

    TableBuilder add(long oid, QualifiedName name) {
        TableBuilder table = byOid.get(oid);
        if (table == null) {
            table = new TableBuilder(name);
            byOid.put(oid, table);
            byName.put(name, table);
        }
        return table;
    }

    void addColumnName(long tableOid, int number, String name) {
        columnNames.computeIfAbsent(tableOid, oid -> new HashMap<>()).put(number, name);
    }

    /** The modelled table with this oid, or null for one that is excluded, hidden or was not read. */
    TableBuilder table(long oid) {
        return byOid.get(oid);
    }

    String columnName(long tableOid, int number) {
        String name = columnNames.getOrDefault(tableOid, Map.of()).get(number);
        if (name == null) {
            throw new IllegalStateException("No column " + number + " in table with oid " + tableOid);
        }
        return name;
    }

    /** The names of a {@code smallint[]} of column numbers of a table, in order. */
    List<String> columnNames(long tableOid, Array numbers) throws SQLException {
        if (numbers == null) {
            return List.of();
        }
        Short[] values = (Short[]) numbers.getArray();
        List<String> result = new ArrayList<>(values.length);
        for (Short number : values) {
            result.add(columnName(tableOid, number));
        }
        return result;
    }
}
