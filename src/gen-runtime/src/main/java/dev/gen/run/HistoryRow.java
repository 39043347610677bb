package dev.gen.run;

import java.time.Instant;

/**
 * One record of the history table. {@code success} is false for a non-transactional migration that failed;
 * {@code location} is where the migration was found, null for records written before gen recorded it.
 */
record HistoryRow(MigrationId id, String checksum, Instant appliedAt, long executionMs, String appliedBy,
        String osUser, boolean success, String location) {

    HistoryRow(MigrationId id, String checksum, Instant appliedAt, long executionMs, String appliedBy, String osUser,
            boolean success) {
        this(id, checksum, appliedAt, executionMs, appliedBy, osUser, success, null);
    }

    String who() {
        return osUser == null || osUser.isBlank() ? appliedBy : appliedBy + " (" + osUser + ")";
    }
}
