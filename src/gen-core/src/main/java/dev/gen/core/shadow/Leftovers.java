package dev.gen.core.shadow;

import dev.gen.pg.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shadow databases a killed gen left behind (SIGKILL runs no shutdown hook). One is dropped when nobody is connected
 * to it (a live gen always holds a connection to its shadow) and either its creator ran on this machine and is gone,
 * or it is older than {@link #STALE_AFTER} (a creator on another machine, or a comment that cannot be read). A
 * database that merely starts with the prefix but is in use is never touched.
 */
final class Leftovers {

    /** Longer than any shadow lives between its CREATE and its first connection, by far. */
    static final Duration STALE_AFTER = Duration.ofMinutes(60);

    private Leftovers() {
    }

    /** Drops the stale leftovers visible from {@code maintenance}; returns their names. Never fails the run. */
    static List<String> dropStale(Connection maintenance) {
        List<String> dropped = new ArrayList<>();
        try {
            for (String name : stale(maintenance)) {
                try (Statement statement = maintenance.createStatement()) {
                    // No FORCE: if someone connected since, the drop fails and the database stays.
                    statement.execute("DROP DATABASE IF EXISTS " + Sql.ident(name));
                    dropped.add(name);
                } catch (SQLException e) {
                    // In use after all, or not ours to drop (another owner): left alone.
                }
            }
        } catch (SQLException e) {
            // The catalog could not be read: cleaning up is a courtesy, the run goes on.
        }
        return dropped;
    }

    static List<String> stale(Connection maintenance) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = maintenance.prepareStatement("SELECT d.datname, shobj_description(d.oid,"
                + " 'pg_database'), (SELECT count(*) FROM pg_stat_activity a WHERE a.datid = d.oid)"
                + " FROM pg_database d WHERE d.datname LIKE ? ESCAPE '\\' ORDER BY 1")) {
            query.setString(1, ShadowDatabase.PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(3) == 0 && isStale(Creator.parse(rows.getString(2)), Instant.now())) {
                        names.add(rows.getString(1));
                    }
                }
            }
        }
        return names;
    }

    static boolean isStale(Optional<Creator> creator, Instant now) {
        // Without a readable comment its creator died between CREATE and COMMENT, or someone else wrote it.
        return creator.map(c -> c.goneFromThisHost() || c.started().plus(STALE_AFTER).isBefore(now)).orElse(true);
    }
}
