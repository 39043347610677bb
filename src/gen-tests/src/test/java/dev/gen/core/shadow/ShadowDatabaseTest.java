package dev.gen.core.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.pg.Sql;
import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shadow database's life: created empty, recognisable, dropped; leftovers told from live shadows. */
class ShadowDatabaseTest {

    private static ShadowServer server(TestDatabase db) {
        return new ShadowServer(db.jdbcUrl(), db.user(), db.password(), false);
    }

    @Test
    void createdEmptyWithItsCreatorRecordedAndDroppedByClose() throws SQLException {
        try (TestDatabase target = TestDatabase.create("shadow_life")) {
            target.execute("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (1)");
            String name;
            try (ShadowDatabase shadow = ShadowDatabase.create(server(target))) {
                name = shadow.name();
                assertTrue(name.startsWith("gen_shadow_" + target.name().substring(0, Math.min(24, target.name().length())) + "_"
                        + ProcessHandle.current().pid() + "_"), name);
                assertTrue(name.length() <= 63, name);
                assertEquals(List.of(name), ShadowFixture.shadowDatabasesOfThisProcess(target));
                try (Connection c = shadow.connect()) {
                    assertEquals(0, count(c, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                            + " c.relnamespace WHERE n.nspname = 'public'"), "a shadow database starts empty");
                }
                // gen holds a connection to its shadow, so that other gens see it is alive
                assertEquals(List.of("1"), ShadowFixture.strings(target, "SELECT count(*) > 0 FROM pg_stat_activity"
                        + " WHERE datname = " + Sql.literal(name)).stream().map(b -> b.equals("t") ? "1" : "0").toList());
                Optional<Creator> creator = Creator.parse(ShadowFixture.strings(target,
                        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = "
                                + Sql.literal(name)).get(0));
                assertTrue(creator.isPresent());
                assertEquals(ProcessHandle.current().pid(), creator.get().pid());
                assertFalse(Leftovers.stale(target.connect()).contains(name), "a live shadow is no leftover");
            }
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target));
            assertEquals(List.of("1"), ShadowFixture.strings(target, "SELECT id FROM kept"), "the target is untouched");
        }
    }

    @Test
    void leftoversOfDeadCreatorsAreDroppedOthersKept() throws SQLException {
        try (TestDatabase target = TestDatabase.create("shadow_leftovers")) {
            long dead = deadPid();
            String host = Creator.thisHost();
            String deadHere = "gen_shadow_test_dead_" + dead;
            String alive = "gen_shadow_test_alive_" + ProcessHandle.current().pid();
            String otherHostYoung = "gen_shadow_test_otherhost";
            String inUse = "gen_shadow_test_in_use";
            for (String[] db : List.of(
                    new String[] {deadHere, new Creator(host, dead, Instant.now()).text()},
                    new String[] {alive, new Creator(host, ProcessHandle.current().pid(), Instant.now()).text()},
                    new String[] {otherHostYoung, new Creator("elsewhere.example", 1, Instant.now()).text()},
                    new String[] {inUse, new Creator(host, dead, Instant.now()).text()})) {
                target.execute("DROP DATABASE IF EXISTS " + Sql.ident(db[0]), "CREATE DATABASE " + Sql.ident(db[0]),
                        "COMMENT ON DATABASE " + Sql.ident(db[0]) + " IS " + Sql.literal(db[1]));
            }
            try (Connection session = java.sql.DriverManager.getConnection(
                    target.jdbcUrl().replace(target.name(), inUse), target.user(), target.password())) {
                ShadowDatabase.create(server(target)).close();
                List<String> left = ShadowFixture.shadowDatabases(target);
                assertFalse(left.contains(deadHere), "its creator is gone: " + left);
                assertTrue(left.contains(alive), "its creator runs: " + left);
                assertTrue(left.contains(otherHostYoung), "another machine's, and young: " + left);
                assertTrue(left.contains(inUse), "someone is connected to it: " + left);
            } finally {
                for (String db : List.of(alive, otherHostYoung, inUse)) {
                    target.execute("DROP DATABASE IF EXISTS " + Sql.ident(db) + " WITH (FORCE)");
                }
            }
        }
        Instant now = Instant.now();
        assertTrue(Leftovers.isStale(Optional.of(new Creator("elsewhere.example", 1, now.minus(Duration.ofHours(2)))), now),
                "another machine's, older than an hour");
        assertTrue(Leftovers.isStale(Optional.empty(), now), "no readable comment");
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldTheFix() {
        try (TestDatabase target = TestDatabase.create("shadow_no_createdb")) {
            String role = "gen_test_no_createdb_" + ProcessHandle.current().pid();
            target.execute("DROP ROLE IF EXISTS " + Sql.ident(role), "CREATE ROLE " + Sql.ident(role) + " LOGIN NOCREATEDB");
            try {
                GenException e = assertThrows(ShadowRefusedException.class,
                        () -> ShadowDatabase.create(new ShadowServer(target.jdbcUrl(), role, null, false)));
                assertEquals(ExitCodes.USAGE, e.exitCode());
                assertTrue(e.getMessage().contains("may not create databases"), e.getMessage());
                assertTrue(e.getMessage().contains("CREATEDB") && e.getMessage().contains("--shadow-url"), e.getMessage());
                assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target));

                // Named explicitly, the refusing server is kept (without --shadow-url the command line falls back
                // to an embedded server instead: ShadowFallbackTest)
                Cli.Result cli = Cli.runRaw(List.of("migration:drift", "--url", target.jdbcUrl(), "--user", role,
                        "--shadow-url", target.jdbcUrl()));
                assertEquals(2, cli.exitCode(), cli.toString());
                assertTrue(cli.err().startsWith("gen: gen needs a scratch (shadow) database"), cli.toString());
                assertEquals(1, cli.err().strip().lines().count(), "one paragraph: " + cli);
            } finally {
                target.execute("DROP ROLE IF EXISTS " + Sql.ident(role));
            }
        }
    }

    @Test
    void theShadowUrlComesFromTheFlagOrTheConfigurationFile(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        try (TestDatabase target = TestDatabase.create("shadow_url")) {
            String nowhere = "jdbc:postgresql://127.0.0.1:1/postgres";
            Cli.Result flag = new Cli(target).run("migration:drift", "--shadow-url", nowhere);
            assertEquals(4, flag.exitCode(), flag.toString());
            assertTrue(flag.err().contains("Cannot create the shadow database on " + nowhere)
                    && flag.err().contains("--shadow-url is right"), flag.toString());

            Path config = java.nio.file.Files.writeString(work.resolve("gen.properties"), "shadow-url=" + nowhere + "\n");
            Cli.Result file = new Cli(target, "--config", config.toString()).run("migration:drift");
            assertEquals(4, file.exitCode(), file.toString());
            assertTrue(file.err().contains(nowhere), file.toString());

            Cli.Result wrong = new Cli(target).run("migration:drift", "--shadow-url", "postgres://localhost/x");
            assertEquals(2, wrong.exitCode(), wrong.toString());
            assertTrue(wrong.err().contains("is not a PostgreSQL JDBC URL"), wrong.toString());
        }
    }

    @Test
    void theDatabaseOfAUrlIsReplacedAndNothingElse() {
        assertEquals("jdbc:postgresql://h:5432/gen_shadow_x?ssl=true&password=p",
                JdbcUrls.withDatabase("jdbc:postgresql://h:5432/app?ssl=true&password=p", "gen_shadow_x"));
        assertEquals("jdbc:postgresql://h1:1,h2:2/s", JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2/app", "s"));
        assertEquals("jdbc:postgresql://h/s", JdbcUrls.withDatabase("jdbc:postgresql://h", "s"));
        assertEquals("jdbc:postgresql://h/s?x=1", JdbcUrls.withDatabase("jdbc:postgresql://h?x=1", "s"));
        assertEquals("jdbc:postgresql:s", JdbcUrls.withDatabase("jdbc:postgresql:app", "s"));
        assertEquals("app", JdbcUrls.databaseOf("jdbc:postgresql://h:5432/app?x=1"));
        assertEquals("", JdbcUrls.databaseOf("jdbc:postgresql://h:5432/"));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The id of a process that has ended. */
    private static long deadPid() {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            return process.pid();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
