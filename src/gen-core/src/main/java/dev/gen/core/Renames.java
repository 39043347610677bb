package dev.gen.core;

import dev.gen.diff.DiffOptions;
import dev.gen.model.QualifiedName;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The renames a user confirmed on the command line, as written there: a table is {@code name} (in the default
 * schema) or {@code schema.name}.
 *
 * @param tables old table to new table ({@code --rename-table old=new})
 * @param columns table to old column to new column ({@code --rename users.nick=nickname}); the table may be named
 *     by its old name when it is renamed too
 * @param enumValues enum type to old label to new label ({@code --rename-enum-value status.BANNED=BLOCKED})
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns,
        Map<String, Map<String, String>> enumValues) {

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        enumValues = Map.copyOf(enumValues);
    }

    /** The diff's renames, with unqualified names in {@code defaultSchema}. */
    DiffOptions options(String defaultSchema) {
        Map<QualifiedName, QualifiedName> renamedTables = new LinkedHashMap<>();
        tables.forEach((from, to) -> renamedTables.put(qualify(from, defaultSchema), qualify(to, defaultSchema)));
        Map<QualifiedName, Map<String, String>> renamedColumns = new HashMap<>();
        columns.forEach((table, renames) -> {
            QualifiedName name = qualify(table, defaultSchema);
            renamedColumns.computeIfAbsent(renamedTables.getOrDefault(name, name), t -> new HashMap<>()).putAll(renames);
        });
        Map<QualifiedName, Map<String, String>> labels = new HashMap<>();
        enumValues.forEach((type, renames) ->
                labels.computeIfAbsent(qualify(type, defaultSchema), t -> new HashMap<>()).putAll(renames));
        return new DiffOptions(renamedTables, renamedColumns, labels);
    }

    private static QualifiedName qualify(String table, String defaultSchema) {
        int dot = table.indexOf('.');
        return dot < 0 ? QualifiedName.of(defaultSchema, table)
                : QualifiedName.of(table.substring(0, dot), table.substring(dot + 1));
    }
}
