package dev.gen.diff;

import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.postgres.TypeChanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds drops and adds that may be renames, after the renames the user already confirmed are applied. Pure, like
 * the diff: the caller decides whether to ask, refuse or drop and add.
 */
public final class RenameCandidates {

    private RenameCandidates() {
    }

    public static List<RenameCandidate> find(Schema current, Schema desired, DiffOptions options) {
        Schema renamed = SchemaDiff.applyRenames(current, options);
        List<RenameCandidate> candidates = new ArrayList<>();
        List<Table> dropped = renamed.tables().values().stream().filter(t -> desired.table(t.name()) == null).toList();
        List<Table> added = desired.tables().values().stream().filter(t -> renamed.table(t.name()) == null).toList();
        Set<QualifiedName> pairedOld = new HashSet<>();
        for (Table table : added) {
            for (Table old : dropped) {
                if (!pairedOld.contains(old.name()) && sameColumns(old, table)) {
                    pairedOld.add(old.name());
                    candidates.add(RenameCandidate.table(old.name(), table.name()));
                    break;
                }
            }
        }
        for (Table table : desired.tables().values()) {
            Table old = renamed.table(table.name());
            if (old == null) {
                continue;
            }
            List<Column> gone = new ArrayList<>(old.columns().stream()
                    .filter(c -> table.column(c.name()).isEmpty()).toList());
            for (Column column : table.columns()) {
                if (old.column(column.name()).isPresent()) {
                    continue;
                }
                for (Column candidate : gone) {
                    if (compatible(candidate.type(), column.type())) {
                        gone.remove(candidate);
                        candidates.add(RenameCandidate.column(table.name(), candidate.name(), column.name()));
                        break;
                    }
                }
            }
        }
        for (EnumType type : desired.enumTypes().values()) {
            EnumType old = renamedEnum(current.enumTypes().get(type.name()), options);
            if (old == null || old.labels().size() != type.labels().size()) {
                continue;
            }
            for (int i = 0; i < type.labels().size(); i++) {
                String was = old.labels().get(i);
                String is = type.labels().get(i);
                if (!was.equals(is) && !type.labels().contains(was) && !old.labels().contains(is)) {
                    candidates.add(RenameCandidate.enumValue(type.name(), was, is));
                }
            }
        }
        return candidates;
    }

    private static EnumType renamedEnum(EnumType type, DiffOptions options) {
        if (type == null) {
            return null;
        }
        Map<String, String> renames = options.enumValueRenames().getOrDefault(type.name(), Map.of());
        return new EnumType(type.name(), type.labels().stream().map(l -> renames.getOrDefault(l, l)).toList());
    }

    /** Adds a confirmed candidate to the options. */
    public static DiffOptions confirm(DiffOptions options, RenameCandidate candidate) {
        Map<QualifiedName, QualifiedName> tables = new TreeMap<>(options.tableRenames());
        Map<QualifiedName, Map<String, String>> columns = new TreeMap<>();
        options.columnRenames().forEach((table, renames) -> columns.put(table, new TreeMap<>(renames)));
        Map<QualifiedName, Map<String, String>> labels = new TreeMap<>();
        options.enumValueRenames().forEach((type, renames) -> labels.put(type, new TreeMap<>(renames)));
        if (candidate.isTable()) {
            tables.put(candidate.table(), candidate.newTable());
        } else if (candidate.enumValue()) {
            labels.computeIfAbsent(candidate.table(), t -> new TreeMap<>()).put(candidate.from(), candidate.to());
        } else {
            columns.computeIfAbsent(candidate.table(), t -> new TreeMap<>()).put(candidate.from(), candidate.to());
        }
        return new DiffOptions(tables, columns, labels);
    }

    /** Same type, or a change that keeps every value (a longer varchar, a wider integer). */
    static boolean compatible(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        TypeChanges.Kind kind = TypeChanges.classify(from, to);
        return kind == TypeChanges.Kind.BINARY_COMPATIBLE || kind == TypeChanges.Kind.WIDENING;
    }

    /** The same column names with the same types, in any order. */
    private static boolean sameColumns(Table a, Table b) {
        if (a.columns().size() != b.columns().size() || a.columns().isEmpty()) {
            return false;
        }
        for (Column column : a.columns()) {
            Column other = b.column(column.name()).orElse(null);
            if (other == null || !other.type().equals(column.type())) {
                return false;
            }
        }
        return true;
    }
}
