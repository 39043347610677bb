package dev.gen.pg;

/**
 * @param concurrentIndexes online-safe DDL ({@code --online}): create and drop indexes on existing tables with
 *     CONCURRENTLY, add foreign keys and checks to existing tables NOT VALID and validate them after, unique keys
 *     through a unique index built CONCURRENTLY, set NOT NULL through a
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
