package dev.gen.diff;

import dev.gen.diff.Change.RenameColumn;
import dev.gen.diff.Change.RenameTable;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ForeignKey;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the renames the user confirmed to the current schema, so that the rest of the diff compares the
 * renamed objects with the desired ones and finds only what else changed.
 */
final class Renames {

    private Renames() {
    }

    static List<Change> changes(Schema current, DiffOptions options) {
        List<Change> changes = new ArrayList<>();
        new TreeMap<>(options.tableRenames()).forEach((from, to) -> {
            if (current.table(from) != null) {
                changes.add(new RenameTable(from, to));
            }
        });
        new TreeMap<>(options.columnRenames()).forEach((table, renames) -> new TreeMap<>(renames).forEach(
                (from, to) -> changes.add(new RenameColumn(table, from, to))));
        return changes;
    }

    static Schema apply(Schema current, DiffOptions options) {
        if (options.tableRenames().isEmpty() && options.columnRenames().isEmpty()) {
            return current;
        }
        Map<QualifiedName, Table> tables = new TreeMap<>();
        for (Table table : current.tables().values()) {
            QualifiedName newName = options.tableRenames().getOrDefault(table.name(), table.name());
            Table renamed = table.withName(newName);
            Map<String, String> columns = options.columnRenames().getOrDefault(newName, Map.of());
            if (!columns.isEmpty()) {
                renamed = renameColumns(renamed, columns);
            }
            tables.put(newName, renamed);
        }
        // foreign keys elsewhere follow a renamed table or column they point at
        Map<QualifiedName, Table> result = new TreeMap<>();
        for (Table table : tables.values()) {
            List<ForeignKey> keys = new ArrayList<>();
            for (ForeignKey key : table.foreignKeys()) {
                QualifiedName target = options.tableRenames().getOrDefault(key.referencedTable(), key.referencedTable());
                Map<String, String> targetColumns = options.columnRenames().getOrDefault(target, Map.of());
                keys.add(new ForeignKey(key.name(), key.columns(), target,
                        key.referencedColumns().stream().map(c -> targetColumns.getOrDefault(c, c)).toList(),
                        key.onDelete()));
            }
            result.put(table.name(), table.withForeignKeys(keys));
        }
        return current.withTables(result);
    }

    private static Table renameColumns(Table table, Map<String, String> renames) {
        List<Column> columns = table.columns().stream()
                .map(c -> renames.containsKey(c.name()) ? c.withName(renames.get(c.name())) : c).toList();
        PrimaryKey primaryKey = table.primaryKey() == null ? null
                : new PrimaryKey(table.primaryKey().name(), rename(table.primaryKey().columns(), renames));
        List<ForeignKey> foreignKeys = table.foreignKeys().stream()
                .map(k -> new ForeignKey(k.name(), rename(k.columns(), renames), k.referencedTable(),
                        k.referencedColumns(), k.onDelete())).toList();
        List<UniqueKey> uniqueKeys = table.uniqueKeys().stream()
                .map(k -> new UniqueKey(k.name(), rename(k.columns(), renames))).toList();
        List<Index> indexes = table.indexes().stream()
                .map(i -> new Index(i.name(), i.keys().stream()
                        .map(k -> k.expression() ? k : new IndexKey(renames.getOrDefault(k.column(), k.column()),
                                k.descending(), false)).toList(), i.unique(), i.method(), i.predicate()))
                .toList();
        List<Check> checks = table.checks().stream()
                .map(c -> c.withExpression(renameInExpression(c.expression(), renames))).toList();
        return new Table(table.name(), columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, table.comment());
    }

    private static List<String> rename(List<String> columns, Map<String, String> renames) {
        return columns.stream().map(c -> renames.getOrDefault(c, c)).toList();
    }

    /** PostgreSQL rewrites column references in a check when the column is renamed; mirror that. */
    private static String renameInExpression(String expression, Map<String, String> renames) {
        String result = expression;
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            Matcher matcher = Pattern.compile("(?<![\\w\"])" + Pattern.quote(rename.getKey()) + "(?![\\w\"])")
                    .matcher(result);
            result = matcher.replaceAll(Matcher.quoteReplacement(rename.getValue()));
        }
        return result;
    }
}
