package dev.gen.run;

import java.time.Instant;

/**
 * One line of {@code status}.
 *
 * @param appliedAt null unless the history table has a record
 * @param executionMs null unless the history table has a record
 * @param appliedBy the database user (and the operating-system user, when known) that applied it, or null
 * @param origin the source file or class, or null when {@link MigrationState#MISSING}
 * @param location the configured location it was found in (or, when missing, the one its history record names), or
 *     null when unknown
 */
public record MigrationStatus(MigrationId id, MigrationState state, Instant appliedAt, Long executionMs,
        String appliedBy, String origin, String location) {

    public MigrationStatus(MigrationId id, MigrationState state, Instant appliedAt, Long executionMs,
            String appliedBy, String origin) {
        this(id, state, appliedAt, executionMs, appliedBy, origin, null);
    }
}
