package dev.gen.introspect;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ForeignKey;
import dev.gen.model.Index;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Table;
import dev.gen.model.TableStats;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Collects one table's rows from the separate catalog queries; {@link #build()} sorts what has no order. */
final class TableBuilder {

    final QualifiedName name;
    String comment;
    /** The catalog's size estimates: not part of the model's table, so that equal structures stay equal. */
    TableStats stats;
    PrimaryKey primaryKey;
    /** By column number: the catalog query does not sort (a sort of the wide rows would cost more than this). */
    final SortedMap<Integer, Column> columns = new TreeMap<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<UniqueKey> uniqueKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    /** The columns each check mentions, by check name: the model does not keep them, the normaliser needs them. */
    final Map<String, List<String>> checkColumns = new HashMap<>();

    TableBuilder(QualifiedName name) {
        this.name = name;
    }

    /** Columns in their order, constraints and indexes sorted by name, so that equal schemas give equal records. */
    Table build() {
        foreignKeys.sort(Comparator.comparing(ForeignKey::name));
        uniqueKeys.sort(Comparator.comparing(UniqueKey::name));
        indexes.sort(Comparator.comparing(Index::name));
        checks.sort(Comparator.comparing(Check::name));
        return new Table(name, List.copyOf(columns.values()), primaryKey, foreignKeys, uniqueKeys, indexes, checks, comment);
    }
}
