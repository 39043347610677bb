package dev.gen.core;

import dev.gen.run.HistoryTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Migrations in the directory that the database has not run. gen diffs against the database as it is, so a
 * migration generated while others are pending repeats their changes and fails when run: that is refused,
 * unless the user asks to generate anyway ({@code --allow-pending}), when it is a warning.
 */
final class PendingMigrations {

    private PendingMigrations() {
    }

    /**
     * Refuses (exit 6) while migrations are pending, naming them; with {@code allowPending} the same text is
     * returned as a warning.
     */
    static Optional<String> check(Connection connection, GenConfig config, boolean allowPending) {
        Optional<String> pending = describe(connection, config);
        if (pending.isPresent() && !allowPending) {
            throw new GenException(pending.get() + " Or pass --allow-pending to generate anyway.",
                    ExitCodes.MIGRATIONS);
        }
        return pending;
    }

    /** A text naming the pending migrations, or empty. */
    private static Optional<String> describe(Connection connection, GenConfig config) {
        Set<String> files = new TreeSet<>();
        try {
            Names.migrationsIn(config.migrationsDir()).forEach(id -> files.add(id.className()));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Set<String> applied;
        try {
            applied = HistoryTable.recordedVersions(connection, config.defaultSchema(), config.historyTable());
        } catch (SQLException e) {
            return Optional.empty(); // a history table of another shape: the runner will say what is wrong
        }
        List<String> pending = files.stream().filter(name -> !applied.contains(version(name))).toList();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pending.size() + (pending.size() == 1 ? " migration in " : " migrations in ")
                + config.migrationsDir() + (pending.size() == 1 ? " has" : " have") + " not run on this database ("
                + String.join(", ", pending.size() > 5 ? pending.subList(0, 5) : pending)
                + (pending.size() > 5 ? ", ..." : "") + "); gen compared the entities with the database as it is,"
                + " so the changes listed may repeat theirs. Run gen migration:run first.");
    }

    private static String version(String className) {
        return dev.gen.run.MigrationId.parse(className).map(dev.gen.run.MigrationId::version).orElse(className);
    }
}
