package dev.gen.run;

import dev.gen.api.Migration;
import java.util.List;
import java.util.Objects;

/**
 * A migration as the runner sees it: the statements its {@code up} and {@code down} issue, recorded once when it
 * was loaded, with its settings and checksum. The runner executes these recorded statements, so what runs is
 * exactly what the checksum covers.
 *
 * @param downUnavailable null when {@code down} could be recorded; otherwise why not (its exception's message),
 *     for a migration that declares itself irreversible by throwing
 * @param searchPath the {@code search_path} it runs with, or null for the connection's
 * @param origin where it came from (a file or a class), for messages
 * @param location the configured location it was found in (a directory, or {@code classpath:<package>}), recorded
 *     in the history table; null until a source tags it
 * @param code the migration itself when its up or down uses {@link dev.gen.api.MigrationContext#connection()}: that
 *     part is recorded as one marker statement and its code runs at execution; null for a migration of statements
 */
public record LoadedMigration(
        MigrationId id,
        List<String> up,
        List<String> down,
        String downUnavailable,
        boolean transactional,
        String lockTimeout,
        String statementTimeout,
        String searchPath,
        String checksum,
        String origin,
        String location,
        Migration code) {

    public LoadedMigration(MigrationId id, List<String> up, List<String> down, String downUnavailable,
            boolean transactional, String lockTimeout, String statementTimeout, String searchPath, String checksum,
            String origin, String location) {
        this(id, up, down, downUnavailable, transactional, lockTimeout, statementTimeout, searchPath, checksum, origin,
                location, null);
    }

    public LoadedMigration(MigrationId id, List<String> up, List<String> down, String downUnavailable,
            boolean transactional, String lockTimeout, String statementTimeout, String searchPath, String checksum,
            String origin) {
        this(id, up, down, downUnavailable, transactional, lockTimeout, statementTimeout, searchPath, checksum, origin,
                null);
    }

    public LoadedMigration(MigrationId id, List<String> up, List<String> down, String downUnavailable,
            boolean transactional, String lockTimeout, String statementTimeout, String checksum, String origin) {
        this(id, up, down, downUnavailable, transactional, lockTimeout, statementTimeout, null, checksum, origin);
    }

    public LoadedMigration {
        Objects.requireNonNull(id, "id");
        up = List.copyOf(up);
        down = List.copyOf(down);
        Objects.requireNonNull(checksum, "checksum");
    }

    /** The same migration, found in {@code configuredLocation}. */
    public LoadedMigration withLocation(String configuredLocation) {
        return new LoadedMigration(id, up, down, downUnavailable, transactional, lockTimeout, statementTimeout,
                searchPath, checksum, origin, configuredLocation, code);
    }

    /**
     * Records what {@code migration} executes (without touching any database) and computes its checksum.
     *
     * @throws MigrationException when its {@code up} throws
     */
    public static LoadedMigration of(MigrationId id, Migration migration, String origin) {
        return MigrationRecorder.record(id, migration, origin);
    }
}
