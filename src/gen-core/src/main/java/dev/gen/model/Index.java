package dev.gen.model;

import java.util.List;

/**
 * An index that does not back a constraint.
 *
 * @param method the access method ({@code btree} unless a mapping says otherwise)
 * @param predicate a partial index's WHERE clause in canonical form, or null
 */
public record Index(String name, List<IndexKey> keys, boolean unique, String method, String predicate) {
    public Index {
        keys = List.copyOf(keys);
        method = method == null ? "btree" : method;
    }

    public static Index of(String name, boolean unique, IndexKey... keys) {
        return new Index(name, List.of(keys), unique, "btree", null);
    }

    public boolean sameMeaning(Index other) {
        return keys.equals(other.keys) && unique == other.unique && method.equals(other.method)
                && java.util.Objects.equals(predicate, other.predicate);
    }

    public Index withName(String newName) {
        return new Index(newName, keys, unique, method, predicate);
    }
}
