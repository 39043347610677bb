package dev.gen.pg;

/** @param concurrentIndexes create and drop indexes on existing tables with CONCURRENTLY (--online) */
public record RenderOptions(boolean concurrentIndexes) {
    public static RenderOptions defaults() {
        return new RenderOptions(false);
    }
}
