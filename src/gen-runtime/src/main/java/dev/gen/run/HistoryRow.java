package dev.gen.run;

import java.time.Instant;

/** One record of the history table. {@code success} is false for a non-transactional migration that failed. */
record HistoryRow(MigrationId id, String checksum, Instant appliedAt, long executionMs, String appliedBy,
        String osUser, boolean success) {

    String who() {
        return osUser == null || osUser.isBlank() ? appliedBy : appliedBy + " (" + osUser + ")";
    }
}
