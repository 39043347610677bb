package dev.gen.core;

import dev.gen.diff.Change;
import dev.gen.model.ColumnRef;
import dev.gen.model.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.gen.model.QualifiedName;
import java.util.Map;
import java.util.TreeMap;

/** Parses {@code --backfill table.column=expression} into columns; a table may be schema-qualified. */
final class Backfills {

    private Backfills() {
    }

    static Map<ColumnRef, String> parse(Map<String, String> backfills, String defaultSchema) {
        Map<ColumnRef, String> result = new TreeMap<>();
        backfills.forEach((target, expression) -> {
            String[] parts = target.split("\\.");
            if (parts.length < 2 || parts.length > 3 || expression == null || expression.isBlank()) {
                throw new GenException("--backfill " + target + "=" + expression + " is not of the form"
                        + " table.column=<SQL expression> (for example users.nickname='unknown').", ExitCodes.USAGE);
            }
            QualifiedName table = parts.length == 3 ? QualifiedName.of(parts[0], parts[1])
                    : QualifiedName.of(defaultSchema, parts[0]);
            result.put(new ColumnRef(table, parts[parts.length - 1]), expression);
        });
        return result;
    }

    /**
     * Refuses a backfill no change uses: a typo in its column, or a column that is not added to an existing table
     * nor made NOT NULL, would otherwise be ignored without a word.
     */
    static void requireUsed(Map<ColumnRef, String> backfills, List<Change> changes, Schema current) {
        Set<ColumnRef> fillable = new HashSet<>(NullRows.madeNotNull(changes, current));
        for (Change change : changes) {
            if (change instanceof Change.AddColumn add && current.table(add.table()) != null) {
                fillable.add(new ColumnRef(add.table(), add.column().name()));
            }
        }
        for (Map.Entry<ColumnRef, String> backfill : backfills.entrySet()) {
            if (!fillable.contains(backfill.getKey())) {
                throw new GenException("--backfill " + backfill.getKey().table().name() + "."
                        + backfill.getKey().column() + "=" + backfill.getValue() + " applies to no change: the"
                        + " migration neither adds column " + backfill.getKey() + " to an existing table nor makes"
                        + " it NOT NULL. Check the table and column names (as in the database), or drop the flag.",
                        ExitCodes.USAGE);
            }
        }
    }
}
