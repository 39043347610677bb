package dev.gen.plan;

import dev.gen.model.ColumnRef;
import java.util.Map;
import java.util.Set;

/**
 * @param allowDestructive drops and narrowing type changes are wanted
 * @param backfills columns whose NOT NULL add the user resolved with an expression for existing rows
 */
public record GuardOptions(boolean allowDestructive, Map<ColumnRef, String> backfills) {
    public GuardOptions {
        backfills = Map.copyOf(backfills);
    }

    public static GuardOptions defaults() {
        return new GuardOptions(false, Map.of());
    }

    public Set<ColumnRef> backfilled() {
        return backfills.keySet();
    }
}
