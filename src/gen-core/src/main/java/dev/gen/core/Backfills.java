package dev.gen.core;

import dev.gen.model.ColumnRef;
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
}
