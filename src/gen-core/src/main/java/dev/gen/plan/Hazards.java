package dev.gen.plan;

import static dev.gen.plan.Hazard.DATA_DEPENDENT;
import static dev.gen.plan.Hazard.DESTRUCTIVE;
import static dev.gen.plan.Hazard.LONG_LOCK;
import static dev.gen.plan.Hazard.NON_TRANSACTIONAL;
import static dev.gen.plan.Hazard.TABLE_REWRITE;
import static dev.gen.plan.LockLevel.ACCESS_EXCLUSIVE;
import static dev.gen.plan.LockLevel.ROW_EXCLUSIVE;
import static dev.gen.plan.LockLevel.SHARE;
import static dev.gen.plan.LockLevel.SHARE_ROW_EXCLUSIVE;
import static dev.gen.plan.LockLevel.SHARE_UPDATE_EXCLUSIVE;

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
import dev.gen.diff.Change.AlterSequence;
import dev.gen.diff.Change.Backfill;
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
import dev.gen.diff.Change.RenameEnumValue;
import dev.gen.diff.Change.RenameTable;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.diff.Change.SetColumnComment;
import dev.gen.diff.Change.SetTableComment;
import dev.gen.diff.CheckWidening;
import dev.gen.model.Check;
import dev.gen.model.QualifiedName;
import dev.gen.pg.SqlRenderer;
import dev.gen.postgres.TypeChanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each change may do to a live, populated database, and the lock it takes; the reviewer reads this in the
 * Javadoc and the JSON report. The lock levels follow PostgreSQL 15's documentation of each statement (ALTER
 * TABLE's description and notes, CREATE INDEX, "13.3. Explicit Locking"); {@code HazardClassificationTest} pins
 * every kind of change with the section it follows.
 *
 * <p>The classes are honest: {@code data-dependent} only where existing rows can make the statement fail,
 * {@code destructive} only where data is lost, {@code table-rewrite} only where PostgreSQL 11 or later rewrites.
 */
final class Hazards {

    private static final String CATALOG_ONLY = "briefly (a catalog change)";

    private Hazards() {
    }

    /** The other changes of one direction that decide a change's class: the checks it drops, by table. */
    static final class Context {
        private final Map<QualifiedName, List<Check>> droppedChecks = new HashMap<>();

        Context(List<Change> changes) {
            for (Change change : changes) {
                if (change instanceof DropCheck drop) {
                    droppedChecks.computeIfAbsent(drop.table(), t -> new ArrayList<>()).add(drop.check());
                }
            }
        }

        /** The direction {@code down} runs: every change's inverse. */
        static Context inverseOf(List<Change> changes) {
            return new Context(changes.stream().filter(c -> !(c instanceof Backfill)).map(Change::inverse).toList());
        }

        /** A check that replaces one the same direction drops and admits every value the old one did. */
        boolean widensADroppedCheck(QualifiedName table, Check added) {
            return droppedChecks.getOrDefault(table, List.of()).stream()
                    .anyMatch(old -> CheckWidening.widens(old.expression(), added.expression()));
        }
    }

    /**
     * @param existingTable the change's table exists before the migration (under this or an old name)
     */
    static Risk up(Change change, boolean existingTable, SqlRenderer renderer, Context context) {
        return classify(change, existingTable, renderer.needsOwnTransactions(change, existingTable), context);
    }

    /**
     * The risk of {@code down}'s undo of {@code change}: it runs on a table that may have gained rows since
     * {@code up}, so a re-added constraint can fail on them and a dropped column or table loses them.
     */
    static Risk down(Change change, boolean existingTable, SqlRenderer renderer, Context downContext) {
        if (change instanceof Backfill) {
            return Risk.NONE; // nothing to undo: down drops the column anyway
        }
        Change inverse = change.inverse();
        return classify(inverse, true, renderer.needsOwnTransactions(inverse, existingTable), downContext);
    }

    /**
     * @param populated the table may hold rows when the statement runs
     * @param online the renderer writes the online form (NOT VALID then VALIDATE, CONCURRENTLY)
     */
    static Risk classify(Change change, boolean populated, boolean online, Context context) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        Lock lock;
        if (change instanceof CreateSchema || change instanceof DropSchema || change instanceof CreateTable
                || change instanceof CreateSequence || change instanceof AlterSequence
                || change instanceof CreateEnumType || change instanceof DropEnumType
                || change instanceof RenameEnumValue || change instanceof AddEnumValue) {
            // new objects, or objects no table row depends on: no lock on an existing table. ADD VALUE needs no
            // table lock, and since PostgreSQL 12 runs inside a transaction (the label is usable after commit).
            lock = Lock.NONE;
        } else if (change instanceof DropSequence) {
            hazards.add(DESTRUCTIVE); // its current value, which another application may still draw from
            lock = Lock.NONE;

        } else if (change instanceof DropTable) {
            hazards.add(DESTRUCTIVE);
            lock = new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
        } else if (change instanceof DropColumn) {
            hazards.add(DESTRUCTIVE); // PostgreSQL only marks the column dropped: no rewrite
            lock = new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
        } else if (change instanceof DropForeignKey) {
            // its triggers on the referenced table go too, under the same lock
            lock = new Lock(ACCESS_EXCLUSIVE, "briefly (a catalog change), on the table and the referenced table");
        } else if (change instanceof RenameTable || change instanceof RenameColumn
                || change instanceof AlterColumnDefault || change instanceof AlterColumnIdentity
                || change instanceof DropPrimaryKey || change instanceof DropUniqueKey || change instanceof DropCheck) {
            // ALTER TABLE: "An ACCESS EXCLUSIVE lock is acquired unless explicitly noted"; none of these rewrites or
            // validates rows (a new identity reads only the largest value, to continue after it).
            lock = populated ? new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY) : Lock.NONE;
        } else if (change instanceof DropIndex) {
            lock = !populated ? Lock.NONE : online ? new Lock(SHARE_UPDATE_EXCLUSIVE, "while running transactions end")
                    : new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
            if (online) {
                hazards.add(NON_TRANSACTIONAL);
            }
        } else if (change instanceof SetTableComment || change instanceof SetColumnComment) {
            lock = populated ? new Lock(SHARE_UPDATE_EXCLUSIVE, CATALOG_ONLY) : Lock.NONE;
        } else if (change instanceof AddColumn add) {
            lock = addColumn(add, populated, hazards);
        } else if (change instanceof Backfill) {
            hazards.add(DATA_DEPENDENT); // the expression is evaluated on every existing row
            hazards.add(LONG_LOCK);
            lock = new Lock(ROW_EXCLUSIVE, "while every row is updated, and each updated row stays locked until"
                    + " commit (writes to them wait)");
        } else if (change instanceof AlterColumnType alter) {
            lock = alterType(alter, populated, hazards);
        } else if (change instanceof AlterColumnNullability alter) {
            if (alter.nullable() || !populated) {
                lock = populated ? new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY) : Lock.NONE;
            } else if (online) {
                hazards.add(DATA_DEPENDENT);
                hazards.add(NON_TRANSACTIONAL);
                lock = Lock.whileScanning(SHARE_UPDATE_EXCLUSIVE, "the table is scanned to validate the check that"
                        + " proves NOT NULL (then ACCESS EXCLUSIVE briefly, with no scan)");
            } else {
                hazards.add(DATA_DEPENDENT);
                hazards.add(LONG_LOCK);
                lock = Lock.whileScanning(ACCESS_EXCLUSIVE, "the table is scanned for nulls");
            }
        } else if (change instanceof AddPrimaryKey) {
            if (populated) {
                hazards.add(DATA_DEPENDENT);
                hazards.add(LONG_LOCK);
                lock = Lock.whileScanning(ACCESS_EXCLUSIVE, "the unique index is built");
            } else {
                lock = Lock.NONE;
            }
        } else if (change instanceof AddUniqueKey) {
            lock = uniqueOrIndex(populated, online, true, hazards, ACCESS_EXCLUSIVE);
        } else if (change instanceof CreateIndex create) {
            lock = uniqueOrIndex(populated, online, create.index().unique(), hazards, SHARE);
        } else if (change instanceof AddForeignKey) {
            if (!populated) {
                // the new table has no rows; the referenced table is locked too, for a moment
                lock = new Lock(SHARE_ROW_EXCLUSIVE, "briefly, on the referenced table");
            } else if (online) {
                hazards.add(DATA_DEPENDENT);
                hazards.add(NON_TRANSACTIONAL);
                lock = Lock.whileScanning(SHARE_UPDATE_EXCLUSIVE, "the table is scanned to validate the key (NOT"
                        + " VALID first takes SHARE ROW EXCLUSIVE on both tables briefly)");
            } else {
                hazards.add(DATA_DEPENDENT);
                hazards.add(LONG_LOCK);
                lock = Lock.whileScanning(SHARE_ROW_EXCLUSIVE, "the table is scanned to validate the key, on the"
                        + " table and the referenced table");
            }
        } else if (change instanceof AddCheck add) {
            boolean widening = context.widensADroppedCheck(add.table(), add.check());
            if (!populated) {
                lock = Lock.NONE;
            } else if (online) {
                hazards.add(NON_TRANSACTIONAL);
                lock = Lock.whileScanning(SHARE_UPDATE_EXCLUSIVE, "the table is scanned to validate the check (NOT"
                        + " VALID first takes ACCESS EXCLUSIVE briefly)");
            } else {
                hazards.add(LONG_LOCK);
                lock = Lock.whileScanning(ACCESS_EXCLUSIVE, "the table is scanned to validate the check");
            }
            if (populated && !widening) {
                hazards.add(DATA_DEPENDENT); // a widened check admits every row the dropped one did
            }
        } else if (change instanceof ReplaceEnumType) {
            // each column using the type is converted through text: a rewrite, failing on a removed label in use
            hazards.add(DATA_DEPENDENT);
            hazards.add(TABLE_REWRITE);
            hazards.add(LONG_LOCK);
            lock = Lock.whileScanning(ACCESS_EXCLUSIVE, "each table using the type is rewritten");
        } else {
            throw new IllegalArgumentException("No hazard classification for " + change.getClass().getName());
        }
        return new Risk(hazards, lock);
    }

    /**
     * PostgreSQL 11+ stores a non-volatile default in the catalog (no rewrite); a volatile default or an identity
     * fills every row, which rewrites the table; NOT NULL without either fails on any existing row.
     */
    private static Lock addColumn(AddColumn add, boolean populated, Set<Hazard> hazards) {
        if (!populated) {
            return Lock.NONE;
        }
        var column = add.column();
        if (column.identity() != null || VolatileDefaults.isVolatile(column.defaultExpression())) {
            hazards.add(TABLE_REWRITE);
            hazards.add(LONG_LOCK);
            return Lock.whileScanning(ACCESS_EXCLUSIVE, "the table is rewritten to fill the new column");
        }
        if (!column.nullable() && column.defaultExpression() == null) {
            hazards.add(DATA_DEPENDENT);
        }
        return new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
    }

    private static Lock alterType(AlterColumnType alter, boolean populated, Set<Hazard> hazards) {
        if (!populated) {
            return Lock.NONE;
        }
        switch (TypeChanges.classify(alter.from(), alter.to())) {
            case BINARY_COMPATIBLE -> {
                return new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
            }
            case WIDENING -> {
                if (alter.using() == null && TableRewrites.precisionIncreaseWithoutRewrite(alter.from(), alter.to())) {
                    return new Lock(ACCESS_EXCLUSIVE, CATALOG_ONLY);
                }
            }
            // the migration counts the rows that would not fit and aborts before anything is cut: no loss
            case CONVERSION, NARROWING -> hazards.add(DATA_DEPENDENT);
        }
        hazards.add(TABLE_REWRITE);
        hazards.add(LONG_LOCK);
        return Lock.whileScanning(ACCESS_EXCLUSIVE, "the table is rewritten");
    }

    /** A unique constraint (an index built under the constraint's ACCESS EXCLUSIVE) or an index (SHARE). */
    private static Lock uniqueOrIndex(boolean populated, boolean online, boolean unique, Set<Hazard> hazards,
            LockLevel offline) {
        if (!populated) {
            return Lock.NONE;
        }
        if (unique) {
            hazards.add(DATA_DEPENDENT);
        }
        if (online) {
            hazards.add(NON_TRANSACTIONAL);
            return Lock.whileScanning(SHARE_UPDATE_EXCLUSIVE, "the index is built concurrently");
        }
        hazards.add(LONG_LOCK);
        return Lock.whileScanning(offline, "the index is built");
    }

    /**
     * False when {@code down} can rebuild the structure but not the data {@code up} destroys. A narrowing is
     * restored: the migration aborts before it would cut anything.
     */
    static boolean dataRestored(Change change) {
        return !(change instanceof DropTable || change instanceof DropColumn || change instanceof DropSequence);
    }
}
