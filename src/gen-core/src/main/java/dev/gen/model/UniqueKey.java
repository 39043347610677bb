package dev.gen.model;

import java.util.List;

/**
 * A unique constraint ({@code ALTER TABLE ... ADD UNIQUE}); unique indexes are {@link Index}es.
 *
 * @param name the constraint name, or null to let PostgreSQL choose ({@code <table>_<column>_key})
 */
public record UniqueKey(String name, List<String> columns) {
    public UniqueKey {
        columns = List.copyOf(columns);
    }

    public boolean sameMeaning(UniqueKey other) {
        return columns.equals(other.columns);
    }

    public UniqueKey withName(String newName) {
        return new UniqueKey(newName, columns);
    }
}
