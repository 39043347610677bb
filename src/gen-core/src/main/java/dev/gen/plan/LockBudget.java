package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.model.Column;
import dev.gen.model.QualifiedName;
import dev.gen.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plan that one transaction could not apply into consecutive plans that each can.
 *
 * <p>A migration runs in one transaction, and PostgreSQL keeps every lock a transaction takes until it ends: each
 * table, index, sequence, row type and constraint it creates or alters holds an entry in the server's shared lock
 * table. That table has room for about {@code max_locks_per_transaction × max_connections} entries, 64 × 100 =
 * 6,400 on a default server, for all sessions together. An {@code Init} migration of a few thousand entities needs
 * more, and fails with {@code out of shared memory} (SQLSTATE 53200) however correct its statements are. So a plan
 * whose estimated entries exceed {@link #DEFAULT} is cut, between steps and in plan order, into parts that each
 * stay within it; each part becomes a migration of its own, run in its own transaction, in order. Cutting
 * between steps keeps the order PostgreSQL needs (a part only uses what earlier parts created), and each part's
 * {@code down} undoes exactly its {@code up}, so reverting the parts newest first undoes the whole.
 *
 * <p>The budget is fixed rather than read from the server gen generates against: the migration runs later, on
 * other servers, and the same entities must give the same files. Half of the default lock table leaves the other
 * half to the application's sessions while a part runs.
 *
 * <p>The estimate counts, per step, the distinct relations it locks (a table referenced by many foreign keys
 * counts once per part) plus the other objects it creates or drops, as a transaction's entries in
 * {@code pg_locks} show them; where it cannot know, it errs upwards (a toast table whenever a row could reach
 * PostgreSQL's threshold), which only makes parts smaller.
 */
public final class LockBudget {

    /** PostgreSQL's default lock table: {@code max_locks_per_transaction} 64 × {@code max_connections} 100. */
    static final int DEFAULT_LOCK_TABLE = 64 * 100;

    /** The lock-table entries one migration may take: half the default lock table. */
    public static final int DEFAULT = DEFAULT_LOCK_TABLE / 2;

    // Types whose values have a fixed width of at most 16 bytes.
    private static final Pattern FIXED_WIDTH = Pattern.compile("(smallint|integer|bigint|real|double precision"
            + "|boolean|date|uuid|interval|time(stamp)?(\\(\\d+\\))?( with(out)? time zone)?|int[248]|float[48]|bool"
            + "|smallserial|serial|bigserial|\"char\"|oid)");
    // Types of a bounded width: n characters of up to 4 bytes each; numeric of p digits.
    private static final Pattern BOUNDED = Pattern.compile(
            "(character varying|varchar|character|char|bpchar|numeric|decimal)\\((\\d+)(,\\s*\\d+)?\\)");
    /**
     * PostgreSQL gives a table a toast table (and its index) when a row could be wider than this
     * ({@code TOAST_TUPLE_THRESHOLD} with 8 kB pages).
     */
    private static final int TOAST_THRESHOLD = 2032;

    private LockBudget() {
    }

    /**
     * {@code plan} as it is when it fits within {@code budget} lock-table entries or cannot hold locks across
     * statements (a plan that runs outside a transaction); else its consecutive parts, each within the budget
     * unless a single step alone exceeds it (such a step gets a part of its own).
     */
    public static List<Plan> split(Plan plan, int budget) {
        if (!plan.transactional() || plan.steps().isEmpty()) {
            return List.of(plan);
        }
        List<Plan> parts = new ArrayList<>();
        List<Step> part = new ArrayList<>();
        Set<QualifiedName> relations = new HashSet<>();
        int others = 0;
        for (Step step : plan.steps()) {
            Footprint footprint = footprint(step.change());
            long added = footprint.relations().stream().filter(relation -> !relations.contains(relation)).count();
            if (!part.isEmpty() && relations.size() + added + others + footprint.others() > budget) {
                parts.add(new Plan(part, true));
                part = new ArrayList<>();
                relations.clear();
                others = 0;
            }
            part.add(step);
            relations.addAll(footprint.relations());
            others += footprint.others();
        }
        if (parts.isEmpty()) {
            return List.of(plan);
        }
        parts.add(new Plan(part, true));
        return List.copyOf(parts);
    }

    /** The lock-table entries of the whole plan applied in one transaction, as {@link #split} estimates them. */
    public static int estimate(Plan plan) {
        Set<QualifiedName> relations = new HashSet<>();
        int others = 0;
        for (Step step : plan.steps()) {
            Footprint footprint = footprint(step.change());
            relations.addAll(footprint.relations());
            others += footprint.others();
        }
        return relations.size() + others;
    }

    /**
     * What a change locks until the end of its transaction, in either direction (a step's {@code down} drops
     * what its {@code up} created, so both lock the same objects).
     *
     * @param relations the tables and sequences it locks by name, shared with other steps of the same part
     * @param others the entries of objects no other step locks: indexes, constraints, row and array types,
     *     toast tables
     */
    record Footprint(Set<QualifiedName> relations, int others) {
        static Footprint of(QualifiedName relation, int others) {
            return new Footprint(Set.of(relation), others);
        }

        static Footprint of(int others, QualifiedName... relations) {
            return new Footprint(new HashSet<>(List.of(relations)), others);
        }
    }

    /**
     * The entries, besides its table, of each kind of change that locks just its table (or no table at all) and
     * a fixed number of other objects. A rewrite of the table ({@code AlterColumnType}) rebuilds its indexes and
     * toast table under new files; {@code ReplaceEnumType} alters the columns of tables not named in the change,
     * so it is counted generously.
     */
    private static final Map<Class<? extends Change>, Integer> OTHER_OBJECTS = Map.ofEntries(
            Map.entry(Change.RenameColumn.class, 0),
            Map.entry(Change.Backfill.class, 0),
            Map.entry(Change.AlterColumnType.class, 4),
            Map.entry(Change.AlterColumnNullability.class, 0),
            Map.entry(Change.AlterColumnDefault.class, 1),
            Map.entry(Change.AlterColumnIdentity.class, 1), // the identity's sequence
            Map.entry(Change.SetColumnComment.class, 1),
            Map.entry(Change.SetTableComment.class, 1),
            Map.entry(Change.AddPrimaryKey.class, 2), // the index and the constraint
            Map.entry(Change.DropPrimaryKey.class, 2),
            Map.entry(Change.AddUniqueKey.class, 2),
            Map.entry(Change.DropUniqueKey.class, 2),
            Map.entry(Change.CreateIndex.class, 1),
            Map.entry(Change.DropIndex.class, 1),
            Map.entry(Change.AddCheck.class, 0), // a check constraint takes no lock of its own
            Map.entry(Change.DropCheck.class, 0),
            Map.entry(Change.CreateEnumType.class, 2), // the type and its array type
            Map.entry(Change.DropEnumType.class, 2),
            Map.entry(Change.AddEnumValue.class, 1),
            Map.entry(Change.RenameEnumValue.class, 1),
            Map.entry(Change.ReplaceEnumType.class, 8),
            Map.entry(Change.CreateSchema.class, 1),
            Map.entry(Change.DropSchema.class, 1));

    /** Every kind of change has a footprint: {@code ChangeCasesTest} drives this over all of them. */
    static Footprint footprint(Change change) {
        if (change instanceof Change.CreateTable create) {
            return table(create.definition());
        } else if (change instanceof Change.DropTable drop) {
            return table(drop.definition());
        } else if (change instanceof Change.AddColumn add) {
            return Footprint.of(add.table(), column(add.column()));
        } else if (change instanceof Change.DropColumn drop) {
            return Footprint.of(drop.table(), column(drop.column()));
        } else if (change instanceof Change.RenameTable rename) {
            return Footprint.of(1, rename.from(), rename.to());
        } else if (change instanceof Change.AddForeignKey add) { // both tables, and the constraint
            return Footprint.of(1, add.table(), add.key().referencedTable()); // the same one when self-referencing
        } else if (change instanceof Change.DropForeignKey drop) {
            return Footprint.of(1, drop.table(), drop.key().referencedTable());
        } else if (change instanceof Change.CreateSequence create) {
            return Footprint.of(create.sequence().name(), 0);
        } else if (change instanceof Change.DropSequence drop) {
            return Footprint.of(drop.sequence().name(), 0);
        } else if (change instanceof Change.AlterSequence alter) {
            return Footprint.of(alter.to().name(), 0);
        }
        Integer others = OTHER_OBJECTS.get(change.getClass());
        if (others == null) {
            throw new IllegalArgumentException("no lock footprint for " + change);
        }
        return change.table() == null ? new Footprint(Set.of(), others) : Footprint.of(change.table(), others);
    }

    /**
     * A table with everything its statement creates: its row type; the index and constraint of its primary key
     * and of each unique key; each index; each identity column's sequence; a toast table and its index (checked
     * against {@code pg_locks} by {@code LockBudgetCalibrationTest}; check constraints take no entry).
     */
    private static Footprint table(Table table) {
        int others = 1;
        if (table.primaryKey() != null) {
            others += 2;
        }
        others += 2 * table.uniqueKeys().size() + table.indexes().size();
        long widest = 24; // the row header
        for (Column column : table.columns()) {
            others += column.identity() == null ? 0 : 1;
            widest += maxWidth(column);
        }
        return Footprint.of(table.name(), others + (widest > TOAST_THRESHOLD ? 2 : 0));
    }

    /** An added or dropped column: its identity sequence, and a toast table it may bring (counted when wide). */
    private static int column(Column column) {
        return (column.identity() == null ? 0 : 1) + (maxWidth(column) > TOAST_THRESHOLD / 4 ? 2 : 0);
    }

    /** The most bytes a value of the column takes in a row; beyond any row for a type without a bound. */
    private static long maxWidth(Column column) {
        String type = column.type().sql().toLowerCase(Locale.ROOT);
        if (FIXED_WIDTH.matcher(type).matches()) {
            return 16;
        }
        Matcher bounded = BOUNDED.matcher(type);
        if (bounded.matches()) {
            long n = Long.parseLong(bounded.group(2));
            return bounded.group(1).startsWith("num") || bounded.group(1).startsWith("dec") ? n / 2 + 8 : 4 * n + 4;
        }
        return TOAST_THRESHOLD + 1;
    }
}
