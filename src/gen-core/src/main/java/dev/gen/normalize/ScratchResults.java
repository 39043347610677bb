package dev.gen.normalize;

import dev.gen.introspect.Introspector;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.Index;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's reading of the scratch tables, found by {@link ScratchPlan.Slot}. It is read with the
 * Introspector's own queries, so that both sides of the diff are printed by the same code.
 */
final class ScratchResults {

    /** Constraints a raw type text declared itself ({@code int check (x > 0)}, {@code text unique}). */
    record Carried(List<Check> checks, List<UniqueKey> uniqueKeys, PrimaryKey primaryKey) {
    }

    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, Map<String, List<String>>> checkColumns = new HashMap<>();
    private final Map<ScratchPlan.Slot, Column> columns = new HashMap<>();
    private final Map<ScratchPlan.Slot, Check> checks = new HashMap<>();
    private final Map<ScratchPlan.Slot, Index> indexes = new HashMap<>();

    ScratchResults(String temporarySchema, Map<QualifiedName, Introspector.TableReading> read) {
        read.forEach((name, reading) -> {
            if (name.schema().equals(temporarySchema)) {
                Table table = reading.table();
                tables.put(name.name(), table);
                checkColumns.put(name.name(), reading.checkColumns());
                table.columns().forEach(column -> columns.put(new ScratchPlan.Slot(name.name(), column.name()), column));
                table.checks().forEach(check -> checks.put(new ScratchPlan.Slot(name.name(), check.name()), check));
                table.indexes().forEach(index -> indexes.put(new ScratchPlan.Slot(name.name(), index.name()), index));
            }
        });
    }

    Column column(ScratchPlan.Slot slot) {
        Column column = columns.get(slot);
        if (column == null) {
            throw missing(slot);
        }
        return column;
    }

    Check check(ScratchPlan.Slot slot) {
        Check check = checks.get(slot);
        if (check == null) {
            throw missing(slot);
        }
        return check;
    }

    Index index(ScratchPlan.Slot slot) {
        Index index = indexes.get(slot);
        if (index == null) {
            throw missing(slot);
        }
        return index;
    }

    /** What the raw type text of the column in this slot declared, with the constraint names left to PostgreSQL. */
    Carried carried(ScratchPlan.Slot slot) {
        Table table = table(slot);
        List<String> only = List.of(slot.element());
        List<Check> checks = new ArrayList<>();
        for (Check check : table.checks()) {
            if (only.equals(checkColumns.get(slot.table()).get(check.name()))) {
                checks.add(new Check(null, check.expression(), slot.element()));
            }
        }
        List<UniqueKey> uniqueKeys = table.uniqueKeys().stream()
                .filter(u -> u.columns().equals(only)).map(u -> u.withName(null)).toList();
        PrimaryKey primaryKey = table.primaryKey() != null && table.primaryKey().columns().equals(only)
                ? new PrimaryKey(null, only) : null;
        return new Carried(checks, uniqueKeys, primaryKey);
    }

    private Table table(ScratchPlan.Slot slot) {
        Table table = tables.get(slot.table());
        if (table == null) {
            throw missing(slot);
        }
        return table;
    }

    private static IllegalStateException missing(ScratchPlan.Slot slot) {
        return new IllegalStateException("Scratch table " + slot.table() + " has no " + slot.element());
    }
}
