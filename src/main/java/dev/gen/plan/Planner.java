package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddCheck;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AddEnumValue;
import dev.gen.diff.Change.AddForeignKey;
import dev.gen.diff.Change.AddPrimaryKey;
import dev.gen.diff.Change.AddUniqueKey;
import dev.gen.diff.Change.AlterColumnDefault;
import dev.gen.diff.Change.AlterColumnIdentity;
import dev.gen.diff.Change.AlterColumnNullability;
import dev.gen.diff.Change.AlterColumnType;
import dev.gen.diff.Change.Backfill;
import dev.gen.diff.Change.AlterSequence;
import dev.gen.diff.Change.CreateEnumType;
import dev.gen.diff.Change.CreateIndex;
import dev.gen.diff.Change.CreateSchema;
import dev.gen.diff.Change.CreateSequence;
import dev.gen.diff.Change.CreateTable;
import dev.gen.diff.Change.DropCheck;
import dev.gen.diff.Change.DropColumn;
import dev.gen.diff.Change.DropEnumType;
import dev.gen.diff.Change.DropForeignKey;
import dev.gen.diff.Change.DropIndex;
import dev.gen.diff.Change.DropPrimaryKey;
import dev.gen.diff.Change.DropSchema;
import dev.gen.diff.Change.DropSequence;
import dev.gen.diff.Change.DropTable;
import dev.gen.diff.Change.DropUniqueKey;
import dev.gen.diff.Change.RenameColumn;
import dev.gen.diff.Change.RenameTable;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.diff.Change.SetColumnComment;
import dev.gen.diff.Change.SetTableComment;
import dev.gen.model.ColumnRef;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.pg.SqlRenderer;
import java.util.ArrayList;
import java.util.Comparator;
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

    private static final int BACKFILL_PHASE = 10;

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
        for (Change change : named) {
            if (change instanceof RenameTable rename && current.table(rename.from()) != null) {
                existing.add(rename.to());
            }
        }
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
            var hazards = Hazards.of(change, existingTable, renderer);
            if (hazards.contains(Hazard.NON_TRANSACTIONAL)) {
                transactional = false;
            }
            steps.add(new Step(change, up, down, hazards, Hazards.dataRestored(change)));
        }
        return new Plan(steps, transactional);
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
            return BACKFILL_PHASE * 2 + 1;
        }
        return phase(change) * 2;
    }

    static int phase(Change change) {
        if (change instanceof CreateSchema) {
            return 0;
        }
        if (change instanceof CreateEnumType || change instanceof AddEnumValue || change instanceof ReplaceEnumType
                || change instanceof Change.RenameEnumValue) {
            return 1;
        }
        if (change instanceof CreateSequence || change instanceof AlterSequence) {
            return 2;
        }
        if (change instanceof DropForeignKey) {
            return 3;
        }
        if (change instanceof DropIndex || change instanceof DropUniqueKey || change instanceof DropCheck
                || change instanceof DropPrimaryKey) {
            return 4;
        }
        if (change instanceof RenameTable) {
            return 5;
        }
        if (change instanceof RenameColumn) {
            return 6;
        }
        if (change instanceof DropTable) {
            return 7;
        }
        if (change instanceof CreateTable) {
            return 8;
        }
        if (change instanceof DropColumn || change instanceof AddColumn) {
            return 9;
        }
        if (change instanceof Backfill) {
            return BACKFILL_PHASE;
        }
        if (change instanceof AlterColumnDefault alter && alter.to() == null) {
            return 10; // an old default may not cast to the new type
        }
        if (change instanceof AlterColumnType) {
            return 11;
        }
        if (change instanceof AlterColumnDefault || change instanceof AlterColumnNullability) {
            return 12;
        }
        if (change instanceof AlterColumnIdentity) {
            return 13; // identity needs NOT NULL first
        }
        if (change instanceof AddPrimaryKey || change instanceof AddUniqueKey || change instanceof AddCheck
                || change instanceof CreateIndex) {
            return 14;
        }
        if (change instanceof AddForeignKey) {
            return 15;
        }
        if (change instanceof SetTableComment || change instanceof SetColumnComment) {
            return 16;
        }
        if (change instanceof DropSequence || change instanceof DropEnumType) {
            return 17;
        }
        if (change instanceof DropSchema) {
            return 18;
        }
        throw new IllegalArgumentException("No phase for " + change);
    }
}
