package dev.gen.model;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Collections;

/**
 * The database objects gen manages, in one or more PostgreSQL schemas. Maps are sorted by name so that
 * everything derived from a schema comes out in the same order every run.
 *
 * @param schemas the PostgreSQL schemas (namespaces) this model spans
 */
public record Schema(
        Set<String> schemas,
        SortedMap<QualifiedName, Table> tables,
        SortedMap<QualifiedName, Sequence> sequences,
        SortedMap<QualifiedName, EnumType> enumTypes) {

    public Schema {
        schemas = Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        enumTypes = Collections.unmodifiableSortedMap(new TreeMap<>(enumTypes));
    }

    public static Schema empty(Set<String> schemas) {
        return new Schema(schemas, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    public static Schema of(Set<String> schemas, Collection<Table> tables, Collection<Sequence> sequences,
            Collection<EnumType> enumTypes) {
        SortedMap<QualifiedName, Table> t = new TreeMap<>();
        tables.forEach(table -> t.put(table.name(), table));
        SortedMap<QualifiedName, Sequence> s = new TreeMap<>();
        sequences.forEach(sequence -> s.put(sequence.name(), sequence));
        SortedMap<QualifiedName, EnumType> e = new TreeMap<>();
        enumTypes.forEach(type -> e.put(type.name(), type));
        return new Schema(schemas, t, s, e);
    }

    public Table table(QualifiedName name) {
        return tables.get(name);
    }

    public Schema withTables(Map<QualifiedName, Table> newTables) {
        return new Schema(schemas, new TreeMap<>(newTables), sequences, enumTypes);
    }
}
