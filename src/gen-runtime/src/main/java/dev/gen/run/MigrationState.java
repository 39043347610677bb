package dev.gen.run;

/** Where a migration stands, comparing its source with the history table. */
public enum MigrationState {
    /** Recorded as applied, and the source's checksum matches. */
    APPLIED,
    /** In the source, not applied yet, newer than every applied migration. */
    PENDING,
    /** In the source, not applied, but older than the latest applied migration: refused unless out of order. */
    OUT_OF_ORDER,
    /** Applied, but its source has changed since. */
    CHECKSUM_MISMATCH,
    /** Applied, but no source has this version any more. */
    MISSING,
    /**
     * A non-transactional migration that failed (or whose runner died) part-way; it blocks runs until resolved. A
     * non-transactional migration that another runner is executing right now shows the same state.
     */
    FAILED
}
