package dev.gen.normalize;

import dev.gen.model.Index;
import dev.gen.pg.TableSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One temporary table of the normaliser's script, as it is assembled. */
final class ProbeTable {

    final String name;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<String> constraints = new ArrayList<>();
    private final List<String> indexes = new ArrayList<>();

    ProbeTable(String name) {
        this.name = name;
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    int columnCount() {
        return columns.size();
    }

    void addColumn(String column, String typeText, String defaultExpression) {
        columns.put(column, TableSql.columnDefinition(column, typeText, defaultExpression));
        types.put(column, typeText);
    }

    /**
     * Whether the table can take these columns (name to type text) within {@code limit} columns: each is new or
     * already there with the same type.
     */
    boolean accepts(Map<String, String> wanted, int limit) {
        int added = 0;
        boolean primaryKey = false;
        for (Map.Entry<String, String> column : wanted.entrySet()) {
            String type = types.get(column.getKey());
            if (type == null) {
                added++;
                primaryKey |= mayDeclarePrimaryKey(column.getValue());
            } else if (!type.equals(column.getValue())) {
                return false;
            }
        }
        // two raw texts saying PRIMARY KEY cannot share a table
        if (primaryKey && types.values().stream().anyMatch(ProbeTable::mayDeclarePrimaryKey)) {
            return false;
        }
        return columns.size() + added <= limit;
    }

    /** A raw type text ({@code columnDefinition}) that may carry {@code PRIMARY KEY}. */
    static boolean mayDeclarePrimaryKey(String typeText) {
        return typeText.toLowerCase(java.util.Locale.ROOT).contains("primary");
    }

    /** Adds those of the columns it does not have yet, without defaults. */
    void addMissingColumns(Map<String, String> wanted) {
        wanted.forEach((column, type) -> {
            if (!types.containsKey(column)) {
                addColumn(column, type, null);
            }
        });
    }

    void addCheck(String constraint, String expression) {
        constraints.add(TableSql.check(constraint, expression));
    }

    void addIndex(String index, Index definition) {
        indexes.add(ScratchRules.createIndex(index, name, definition));
    }

    List<String> statements() {
        List<String> elements = new ArrayList<>(columns.values());
        elements.addAll(constraints);
        List<String> statements = new ArrayList<>();
        statements.add(TableSql.createTemporaryTable(name, elements));
        statements.addAll(indexes);
        return statements;
    }
}
