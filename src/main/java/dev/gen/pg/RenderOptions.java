package dev.gen.pg;

/**
 * @param concurrentIndexes online-safe DDL ({@code --online}): create and drop indexes on existing tables with
 *     CONCURRENTLY, add constraints to existing tables NOT VALID and validate them after, set NOT NULL through a
 *     validated check
 */
public record RenderOptions(boolean concurrentIndexes) {
    public static RenderOptions defaults() {
        return new RenderOptions(false);
    }

    /** Online-safe DDL; the same switch as {@link #concurrentIndexes()}. */
    public boolean online() {
        return concurrentIndexes;
    }
}
