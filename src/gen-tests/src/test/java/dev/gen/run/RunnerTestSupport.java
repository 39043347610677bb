package dev.gen.run;

import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Queries and set-up shared by the runner's tests; every one of them talks to the test's real database. */
final class RunnerTestSupport {

    private RunnerTestSupport() {
    }

    static ConnectionFactory factory(TestDatabase db) {
        return ConnectionFactory.of(db.jdbcUrl(), db.user(), db.password());
    }

    static Migrations migrations(TestDatabase db, Path dir) {
        return migrations(db, dir, RunOptions.defaults());
    }

    static Migrations migrations(TestDatabase db, Path dir, RunOptions options) {
        return new Migrations(factory(db), dev.gen.compile.MigrationSources.directory(dir), options);
    }

    /** Empties the database between tests: the public schema and any other schema a test created. */
    static void reset(TestDatabase db) {
        db.execute("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$",
                "CREATE SCHEMA public");
    }

    static Path emptyDir(Path parent, String name) {
        Path dir = parent.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(TestDatabase db, String sql, Object... params) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** "version:success" for each record of the default history table, in version order. */
    static List<String> history(TestDatabase db) {
        return strings(db, "SELECT version || ':' || success FROM public.gen_migrations ORDER BY version");
    }

    static boolean tableExists(TestDatabase db, String name) {
        return !strings(db, "SELECT 1 FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p')", name).isEmpty();
    }

    static List<String> columns(TestDatabase db, String table) {
        return strings(db, "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0"
                + " AND NOT attisdropped ORDER BY attnum", table);
    }

    /** Granted advisory locks of the runner's key for the default history table in the test's database. */
    static int runnerLocksHeld(TestDatabase db) {
        long key = AdvisoryLock.keyFor(Sql.qualified(RunOptions.DEFAULT_SCHEMA, RunOptions.DEFAULT_TABLE));
        // Other builds on the same server use the same key in their own databases: count this database's only.
        return strings(db, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid::bigint = ? AND objid::bigint = ?", key >>> 32, key & 0xFFFF_FFFFL).size();
    }

    /**
     * Ends every other session on the test's database, so that runner threads a failed test left blocked (in a
     * CREATE INDEX CONCURRENTLY, say) cannot hang the following tests.
     */
    static void terminateOtherSessions(TestDatabase db) {
        strings(db, "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid()");
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
