package dev.gen.diff;

import dev.gen.postgres.TypeChanges;
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
import dev.gen.diff.Change.DropSequence;
import dev.gen.diff.Change.DropTable;
import dev.gen.diff.Change.DropUniqueKey;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.diff.Change.SetColumnComment;
import dev.gen.diff.Change.SetTableComment;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Index;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The pure function at gen's heart: what must change for {@code current} to become {@code desired}. It does
 * no I/O and assumes both schemas are in PostgreSQL's canonical spelling. Constraints and indexes are matched
 * by meaning (columns, target, expression), so a name that differs is not a drop and an add. The changes come
 * out grouped by object and in a stable order; {@link dev.gen.plan.Planner} puts them in dependency order.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<Change> diff(Schema current, Schema desired) {
        return diff(current, desired, DiffOptions.defaults());
    }

    /** {@code current} as it looks after the renames in {@code options}: what the rest of the diff compares. */
    public static Schema applyRenames(Schema current, DiffOptions options) {
        return Renames.apply(current, options);
    }

    public static List<Change> diff(Schema current, Schema desired, DiffOptions options) {
        Schema renamed = Renames.apply(current, options);
        List<Change> changes = new ArrayList<>(Renames.changes(current, options));
        for (String schema : desired.schemas()) {
            if (!renamed.schemas().contains(schema)) {
                changes.add(new CreateSchema(schema));
            }
        }
        diffEnumTypes(current, desired, options, changes);
        diffSequences(renamed, desired, changes);
        for (Table table : desired.tables().values()) {
            Table existing = renamed.table(table.name());
            if (existing == null) {
                changes.add(new CreateTable(table.withForeignKeys(List.of())));
                table.foreignKeys().forEach(key -> changes.add(new AddForeignKey(table.name(), key)));
            } else {
                diffTable(existing, table, changes);
            }
        }
        for (Table table : renamed.tables().values()) {
            if (desired.table(table.name()) == null) {
                table.foreignKeys().forEach(key -> changes.add(new DropForeignKey(table.name(), key)));
                changes.add(new DropTable(table.withForeignKeys(List.of())));
            }
        }
        return changes;
    }

    private static void diffEnumTypes(Schema current, Schema desired, DiffOptions options, List<Change> changes) {
        for (EnumType type : desired.enumTypes().values()) {
            EnumType existing = current.enumTypes().get(type.name());
            if (existing != null) {
                for (var rename : new java.util.TreeMap<>(options.enumValueRenames().getOrDefault(type.name(),
                        java.util.Map.of())).entrySet()) {
                    int at = existing.labels().indexOf(rename.getKey());
                    if (at >= 0 && !existing.labels().contains(rename.getValue())) {
                        List<String> labels = new ArrayList<>(existing.labels());
                        labels.set(at, rename.getValue());
                        EnumType next = new EnumType(existing.name(), labels);
                        changes.add(new Change.RenameEnumValue(existing, next, rename.getKey(), rename.getValue()));
                        existing = next;
                    }
                }
            }
            if (existing == null) {
                changes.add(new CreateEnumType(type));
            } else if (!existing.labels().equals(type.labels())) {
                if (isOrderedSubset(existing.labels(), type.labels())) {
                    EnumType step = existing;
                    for (int i = 0; i < type.labels().size(); i++) {
                        String label = type.labels().get(i);
                        if (!step.labels().contains(label)) {
                            String before = nextExisting(type.labels(), i, step.labels());
                            List<String> labels = new ArrayList<>(step.labels());
                            labels.add(before == null ? labels.size() : labels.indexOf(before), label);
                            EnumType next = new EnumType(type.name(), labels);
                            changes.add(new AddEnumValue(step, next, label, before));
                            step = next;
                        }
                    }
                } else {
                    changes.add(new ReplaceEnumType(existing, type));
                }
            }
        }
        for (EnumType type : current.enumTypes().values()) {
            if (!desired.enumTypes().containsKey(type.name())) {
                changes.add(new DropEnumType(type));
            }
        }
    }

    private static String nextExisting(List<String> labels, int from, List<String> existing) {
        for (int j = from + 1; j < labels.size(); j++) {
            if (existing.contains(labels.get(j))) {
                return labels.get(j);
            }
        }
        return null;
    }

    private static boolean isOrderedSubset(List<String> small, List<String> large) {
        int position = 0;
        for (String label : large) {
            if (position < small.size() && small.get(position).equals(label)) {
                position++;
            }
        }
        return position == small.size();
    }

    private static void diffSequences(Schema current, Schema desired, List<Change> changes) {
        for (Sequence sequence : desired.sequences().values()) {
            Sequence existing = current.sequences().get(sequence.name());
            if (existing == null) {
                changes.add(new CreateSequence(sequence));
            } else if (existing.increment() != sequence.increment() || existing.start() != sequence.start()) {
                changes.add(new AlterSequence(existing, sequence));
            }
        }
        for (Sequence sequence : current.sequences().values()) {
            if (!desired.sequences().containsKey(sequence.name())) {
                changes.add(new DropSequence(sequence));
            }
        }
    }

    private static void diffTable(Table current, Table desired, List<Change> changes) {
        QualifiedName name = desired.name();
        // columns whose type PostgreSQL cannot cast at all (bigint -> uuid): dropped and added again, so the
        // constraints and indexes on them are too (DROP COLUMN takes them along)
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (Column column : desired.columns()) {
            Column existing = current.column(column.name()).orElse(null);
            if (existing == null) {
                changes.add(new AddColumn(name, column));
            } else if (!existing.type().equals(column.type()) && !TypeChanges.castable(existing.type(), column.type())) {
                replaced.add(column.name());
                changes.add(new DropColumn(name, existing));
                changes.add(new AddColumn(name, column));
            } else {
                diffColumn(name, existing, column, changes);
            }
        }
        for (Column column : current.columns()) {
            if (desired.column(column.name()).isEmpty()) {
                changes.add(new DropColumn(name, column));
            }
        }
        // As a set: Hibernate orders a composite key's columns on its create path only (ColumnOrderingStrategy), so
        // a database made by either path is the application's; a key is rebuilt when its columns change, never for
        // their order alone.
        if (!Objects.equals(columnsOf(current.primaryKey()), columnsOf(desired.primaryKey()))
                || (current.primaryKey() != null && !Collections.disjoint(current.primaryKey().columns(), replaced))) {
            if (current.primaryKey() != null) {
                changes.add(new DropPrimaryKey(name, current.primaryKey()));
            }
            if (desired.primaryKey() != null) {
                changes.add(new AddPrimaryKey(name, desired.primaryKey()));
            }
        }
        match(current.foreignKeys(), desired.foreignKeys(),
                (a, b) -> a.sameMeaning(b) && Collections.disjoint(a.columns(), replaced),
                key -> changes.add(new DropForeignKey(name, key)), key -> changes.add(new AddForeignKey(name, key)));
        match(current.uniqueKeys(), desired.uniqueKeys(),
                (a, b) -> a.sameMeaning(b) && Collections.disjoint(a.columns(), replaced),
                key -> changes.add(new DropUniqueKey(name, key)), key -> changes.add(new AddUniqueKey(name, key)));
        match(current.indexes(), desired.indexes(),
                (a, b) -> a.sameMeaning(b) && a.keys().stream().noneMatch(key -> replaced.contains(key.column())),
                index -> changes.add(new DropIndex(name, index)), index -> changes.add(new CreateIndex(name, index)));
        match(current.checks(), desired.checks(), (a, b) -> CheckExpressions.sameMeaning(a.expression(), b.expression())
                        && (a.column() == null || !replaced.contains(a.column())),
                check -> changes.add(new DropCheck(name, check)), check -> changes.add(new AddCheck(name, check)));
        if (!Objects.equals(current.comment(), desired.comment())) {
            changes.add(new SetTableComment(name, current.comment(), desired.comment()));
        }
    }

    private static Set<String> columnsOf(dev.gen.model.PrimaryKey key) {
        return key == null ? null : Set.copyOf(key.columns());
    }

    private static void diffColumn(QualifiedName table, Column current, Column desired, List<Change> changes) {
        String name = desired.name();
        if (!current.type().equals(desired.type())) {
            changes.add(new AlterColumnType(table, name, current.type(), desired.type(), null));
        }
        if (!Objects.equals(current.defaultExpression(), desired.defaultExpression())) {
            changes.add(new AlterColumnDefault(table, name, current.defaultExpression(), desired.defaultExpression()));
        }
        if (current.nullable() != desired.nullable()) {
            changes.add(new AlterColumnNullability(table, name, desired.nullable()));
        }
        if (current.identity() != desired.identity()) {
            changes.add(new AlterColumnIdentity(table, name, current.identity(), desired.identity()));
        }
        if (!Objects.equals(current.comment(), desired.comment())) {
            changes.add(new SetColumnComment(table, name, current.comment(), desired.comment()));
        }
    }

    /** Pairs equal-meaning objects one to one; what is left over on either side is dropped or added. */
    private static <T> void match(List<T> current, List<T> desired, BiPredicate<T, T> sameMeaning,
            java.util.function.Consumer<T> drop, java.util.function.Consumer<T> add) {
        List<T> unmatched = new ArrayList<>(current);
        for (T wanted : desired) {
            T found = null;
            for (T candidate : unmatched) {
                if (sameMeaning.test(candidate, wanted)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                add.accept(wanted);
            } else {
                unmatched.remove(found);
            }
        }
        unmatched.forEach(drop);
    }
}
