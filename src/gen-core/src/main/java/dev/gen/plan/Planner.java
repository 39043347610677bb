package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AlterColumnNullability;
import dev.gen.diff.Change.Backfill;
import dev.gen.diff.Change.CreateTable;
import dev.gen.diff.Change.DropColumn;
import dev.gen.diff.Change.RenameTable;
import dev.gen.model.ColumnRef;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.TableStats;
import dev.gen.pg.SqlRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Puts changes in an order PostgreSQL accepts and renders each with its undo. Order by phase: what others
 * depend on is created first and dropped last (foreign keys are dropped before anything and added after
 * everything); within a phase, by table and then in the diff's order, so the output is stable.
 */
public final class Planner {


    private final SqlRenderer renderer;

    public Planner(SqlRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param current the schema the migration starts from
     * @param initStatements statements to run right after creating a table (Hibernate's init commands)
     */
    public Plan plan(List<Change> changes, Schema current, Map<QualifiedName, List<String>> initStatements) {
        return plan(changes, current, initStatements, Map.of());
    }

    /**
     * @param backfills columns added NOT NULL to existing tables, with the expression that fills existing rows:
     *     each becomes add nullable, fill, set NOT NULL
     */
    public Plan plan(List<Change> changes, Schema current, Map<QualifiedName, List<String>> initStatements,
            Map<ColumnRef, String> backfills) {
        return plan(changes, current, initStatements, backfills, LargeTables.none());
    }

    /** @param largeTables the existing tables' sizes and the thresholds above which a hazard is {@code large-table} */
    public Plan plan(List<Change> changes, Schema current, Map<QualifiedName, List<String>> initStatements,
            Map<ColumnRef, String> backfills, LargeTables largeTables) {
        List<Change> named = new ConstraintNamer(current).name(withBackfills(changes, backfills));
        List<Indexed> ordered = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            ordered.add(new Indexed(named.get(i), i));
        }
        Set<ColumnRef> added = new HashSet<>();
        Set<QualifiedName> backfilled = new HashSet<>();
        for (Change change : named) {
            if (change instanceof AddColumn add) {
                added.add(new ColumnRef(add.table(), add.column().name()));
            } else if (change instanceof Backfill fill) {
                backfilled.add(fill.table());
            }
        }
        ordered.sort(Comparator.comparingInt((Indexed c) -> orderKey(c.change, added, backfilled))
                .thenComparing(c -> tableKey(c.change))
                .thenComparingInt(c -> c.index));
        // tables that exist before the migration, under the name they have when the change runs
        Set<QualifiedName> existing = new HashSet<>(current.tables().keySet());
        Map<QualifiedName, QualifiedName> namesBefore = new HashMap<>(); // sizes are known by the old name
        for (Change change : named) {
            if (change instanceof RenameTable rename && current.table(rename.from()) != null) {
                existing.add(rename.to());
                namesBefore.put(rename.to(), rename.from());
            }
        }
        Hazards.Context upContext = new Hazards.Context(named);
        Hazards.Context downContext = Hazards.Context.inverseOf(named);
        List<Step> steps = new ArrayList<>();
        boolean transactional = true;
        for (Indexed item : ordered) {
            Change change = item.change;
            boolean existingTable = change.table() != null && existing.contains(change.table());
            List<String> up = new ArrayList<>(renderer.render(change, existingTable));
            if (change instanceof CreateTable create) {
                up.addAll(initStatements.getOrDefault(create.definition().name(), List.of()));
            }
            List<String> down = change instanceof Backfill ? List.of()
                    : renderer.render(change.inverse(), existingTable);
            Risk upRisk = Hazards.up(change, existingTable, renderer, upContext);
            Risk downRisk = Hazards.down(change, existingTable, renderer, downContext);
            if (upRisk.hazards().contains(Hazard.NON_TRANSACTIONAL)) {
                transactional = false;
            }
            TableStats large = change.table() == null ? null
                    : largeTables.large(namesBefore.getOrDefault(change.table(), change.table())).orElse(null);
            boolean weighs = large != null && (weighs(upRisk) || weighs(downRisk));
            steps.add(new Step(change, up, down, weighs ? withLargeTable(upRisk) : upRisk,
                    weighs ? withLargeTable(downRisk) : downRisk, Hazards.dataRestored(change), weighs ? large : null));
        }
        return new Plan(steps, transactional);
    }

    /** A table's size matters where a step loses data, can fail, rewrites or holds a blocking lock while scanning. */
    private static boolean weighs(Risk risk) {
        return risk.hazards().stream().anyMatch(h -> h != Hazard.NON_TRANSACTIONAL);
    }

    private static Risk withLargeTable(Risk risk) {
        if (!weighs(risk)) {
            return risk;
        }
        Set<Hazard> hazards = EnumSet.copyOf(risk.hazards());
        hazards.add(Hazard.LARGE_TABLE);
        return new Risk(hazards, risk.lock());
    }

    private static List<Change> withBackfills(List<Change> changes, Map<ColumnRef, String> backfills) {
        if (backfills.isEmpty()) {
            return changes;
        }
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof AlterColumnNullability alter && !alter.nullable()
                    && backfills.containsKey(new ColumnRef(alter.table(), alter.column()))) {
                // an existing column made NOT NULL: fill its NULL rows first (the phases put the fill before)
                result.add(new Backfill(alter.table(), alter.column(),
                        backfills.get(new ColumnRef(alter.table(), alter.column()))));
                result.add(change);
                continue;
            }
            String expression = change instanceof AddColumn add
                    ? backfills.get(new ColumnRef(add.table(), add.column().name())) : null;
            if (expression == null) {
                result.add(change);
                continue;
            }
            AddColumn add = (AddColumn) change;
            result.add(new AddColumn(add.table(), add.column().withNullable(true)));
            result.add(new Backfill(add.table(), add.column().name(), expression));
            if (!add.column().nullable()) {
                result.add(new AlterColumnNullability(add.table(), add.column().name(), false));
            }
        }
        return result;
    }

    private record Indexed(Change change, int index) {
    }

    private static String tableKey(Change change) {
        QualifiedName table = change.table();
        return table == null ? "" : table.schema() + "\u0000" + table.name();
    }

    /**
     * The phase, doubled so that a column dropped from a table that the same plan backfills goes right after the
     * backfill: the backfill expression may read it (splitting {@code full_name} into two new columns). A column
     * the plan adds back under the same name is still dropped first.
     */
    private static int orderKey(Change change, Set<ColumnRef> added, Set<QualifiedName> backfilled) {
        if (change instanceof DropColumn drop && backfilled.contains(drop.table())
                && !added.contains(new ColumnRef(drop.table(), drop.column().name()))) {
            return Phase.BACKFILL_AND_DROP_DEFAULTS.ordinal() * 2 + 1;
        }
        return Phase.of(change).ordinal() * 2;
    }
}
