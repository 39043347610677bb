package dev.gen.core;

import dev.gen.model.QualifiedName;
import dev.gen.pg.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Migrations in the directory that the database has not run. gen diffs against the database as it is, so a
 * migration generated while others are pending repeats their changes: the user is told before reviewing it.
 */
final class PendingMigrations {

    private static final String UNDEFINED_TABLE = "42P01";

    private PendingMigrations() {
    }

    /** A warning naming the pending migrations, or empty; never fails the generate. */
    static Optional<String> warning(Connection connection, GenConfig config) {
        Set<String> files = new TreeSet<>();
        try {
            Names.migrationsIn(config.migrationsDir()).forEach(id -> files.add(id.className()));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Set<String> applied = new HashSet<>();
        String history = Sql.ident(QualifiedName.of(config.defaultSchema(), config.historyTable()));
        // One round trip: read the history and take "no such table" (42P01) for "nothing applied yet", rather than
        // asking first whether the table exists. The connection is in auto-commit mode here, so the failed
        // statement leaves nothing behind.
        try (PreparedStatement versions = connection.prepareStatement("SELECT version FROM " + history);
                ResultSet rows = versions.executeQuery()) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty(); // a history table of another shape: the runner will say what is wrong
            }
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
        return className.substring(1, 15);
    }
}
