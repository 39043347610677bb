package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AlterColumnType;
import dev.gen.diff.Change.DropColumn;
import dev.gen.diff.Change.DropTable;
import dev.gen.model.Column;
import dev.gen.model.ColumnRef;
import dev.gen.model.Schema;
import dev.gen.postgres.TypeChanges;
import dev.gen.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Refuses changes that fail or lose data on a populated table. The database gen diffs against is rarely the
 * production one, so a table's existence, not its row count, decides: the migration must work on every
 * database it will be applied to.
 */
public final class Guard {

    private Guard() {
    }

    public static List<Refusal> check(List<Change> changes, Schema current, Function<ColumnRef, Origin> origins,
            GuardOptions options) {
        List<Refusal> refusals = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof AddColumn add && current.table(add.table()) != null) {
                ColumnRef ref = new ColumnRef(add.table(), add.column().name());
                if (options.backfills().containsKey(ref)) {
                    continue;
                }
                Origin origin = origins.apply(ref);
                Column column = add.column();
                boolean notNullWithoutDefault = !column.nullable() && column.defaultExpression() == null
                        && column.identity() == null;
                boolean requiredInSubclass = origin != null && origin.requiredInSingleTableSubclass()
                        && column.defaultExpression() == null;
                if (notNullWithoutDefault || requiredInSubclass) {
                    refusals.add(new Refusal(change, notNullMessage(ref, column, origin, requiredInSubclass
                            && !notNullWithoutDefault), backfillFlag(ref)));
                }
            } else if (!options.allowDestructive()) {
                if (change instanceof DropTable drop) {
                    refusals.add(new Refusal(change, "drop table " + drop.definition().name()
                            + ": its rows would be lost."));
                } else if (change instanceof Change.DropSequence drop) {
                    refusals.add(new Refusal(change, "drop sequence " + drop.sequence().name()
                            + ": its current value would be lost (a sequence Hibernate no longer maps may still"
                            + " feed another application; exclude its table or allow the drop)."));
                } else if (change instanceof DropColumn drop) {
                    refusals.add(new Refusal(change, "drop column " + drop.table() + "." + drop.column().name()
                            + ": its data would be lost."));
                } else if (change instanceof AlterColumnType alter
                        && TypeChanges.classify(alter.from(), alter.to()) == TypeChanges.Kind.NARROWING) {
                    refusals.add(new Refusal(change, "narrow " + alter.table() + "." + alter.column() + " from "
                            + alter.from() + " to " + alter.to() + ": longer or larger values would not fit."));
                }
            }
        }
        return refusals;
    }

    /**
     * Refuses dropping an enum type that something outside the managed tables still uses (a column of an excluded
     * table, a view, a function): the drop would fail, and with {@code CASCADE}, which gen never writes, it would
     * silently take those columns with it. No flag allows it.
     *
     * @param usersOutside per type, its users apart from the managed tables' columns, in PostgreSQL's words
     */
    public static List<Refusal> checkTypeDrops(List<Change> changes,
            java.util.Map<dev.gen.model.QualifiedName, List<String>> usersOutside) {
        List<Refusal> refusals = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.DropEnumType drop && usersOutside.containsKey(drop.type().name())) {
                refusals.add(new Refusal(change, "drop type " + drop.type().name() + ": no mapped column uses it any"
                        + " more, but it is still used by " + String.join(", ", usersOutside.get(drop.type().name()))
                        + ", outside the tables gen manages, so dropping it would fail (or, with CASCADE, drop those"
                        + " too). Map a column of this type again to keep it, or change those users in a hand-written"
                        + " migration (gen migration:create) first."));
            }
        }
        return refusals;
    }

    /**
     * Refuses making an existing column NOT NULL while rows hold NULL there (the migration would fail), unless
     * {@code --backfill} fills them first.
     *
     * @param nullRows the NULL rows of each existing column the changes make NOT NULL
     */
    public static List<Refusal> checkSetNotNull(List<Change> changes, java.util.Map<ColumnRef, Long> nullRows,
            Function<ColumnRef, Origin> origins, GuardOptions options) {
        List<Refusal> refusals = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.AlterColumnNullability alter && !alter.nullable()) {
                ColumnRef ref = new ColumnRef(alter.table(), alter.column());
                long rows = nullRows.getOrDefault(ref, 0L);
                if (rows > 0 && !options.backfills().containsKey(ref)) {
                    Origin origin = origins.apply(ref);
                    refusals.add(new Refusal(change, (origin == null ? "A mapped attribute" : "The field "
                            + origin.field()) + " makes column " + ref + " NOT NULL, but " + rows
                            + (rows == 1 ? " row holds" : " rows hold") + " NULL there, so the migration would fail."
                            + " Ways out: fill them with --backfill " + ref.table().name() + "." + ref.column()
                            + "=<SQL expression> (run before SET NOT NULL); keep the field nullable; or fill the rows"
                            + " in a hand-written migration (gen migration:create) and run it first."));
                }
            }
        }
        return refusals;
    }

    private static String notNullMessage(ColumnRef ref, Column column, Origin origin, boolean subclassCheck) {
        StringBuilder message = new StringBuilder();
        message.append(origin == null ? "A mapped attribute" : "The field " + origin.field()).append(" adds column ").append(ref).append(" (")
                .append(column.type()).append(") ");
        if (subclassCheck) {
            message.append("which must hold a value for every row of its SINGLE_TABLE subclass (Hibernate maps a"
                    + " non-null field of a subclass as a check constraint), so the migration would fail on a"
                    + " table that already has such rows.");
            if (origin.primitive()) {
                message.append(" The field is a primitive, which Hibernate never lets be null: use the wrapper type"
                        + " (Integer, Boolean, ...) to make it optional.");
            }
        } else {
            message.append("as NOT NULL without a default to a table that already exists, so the migration would"
                    + " fail on a table with rows.");
            if (origin != null && origin.primitive()) {
                message.append(" The field is a primitive, which Hibernate always maps NOT NULL: use the wrapper type"
                        + " (Integer, Boolean, ...) to make it nullable.");
            }
        }
        message.append(" Ways out: make the field nullable (@Column(nullable = true), or a wrapper type);"
                + " give it a default with @ColumnDefault(\"...\"); or fill existing rows with --backfill ")
                .append(backfillFlag(ref).substring("--backfill ".length())).append('.');
        return message.toString();
    }

    /** {@code --backfill users.points=<SQL expression>}: what the NOT NULL refusal needs, as the user types it. */
    private static String backfillFlag(ColumnRef ref) {
        return "--backfill " + ref.table().name() + "." + ref.column() + "=<SQL expression>";
    }
}
