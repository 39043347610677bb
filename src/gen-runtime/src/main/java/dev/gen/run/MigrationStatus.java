package dev.gen.run;

import java.time.Instant;

/**
 * One line of {@code status}.
 *
 * @param appliedAt null unless the history table has a record
 * @param executionMs null unless the history table has a record
 * @param appliedBy the database user (and the operating-system user, when known) that applied it, or null
 * @param origin the source file or class, or null when {@link MigrationState#MISSING}
 */
public record MigrationStatus(MigrationId id, MigrationState state, Instant appliedAt, Long executionMs,
        String appliedBy, String origin) {
}
