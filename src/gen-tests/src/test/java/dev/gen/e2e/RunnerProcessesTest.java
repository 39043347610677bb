package dev.gen.e2e;

import dev.gen.testing.GenProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runners as separate processes, as teams start them: several at once, one killed, passwords given every way. */
class RunnerProcessesTest {

    private static final String SECRET = "Pr0cess-Secret-Value";

    @TempDir
    Path work;

    @Test
    void fiveRunnersStartedAtOnceApplyEachMigrationOnce() throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        for (int i = 1; i <= 3; i++) {
            migration(dir, "V2026112109000" + i + "__Step" + i,
                    "CREATE TABLE step" + i + " (id bigint PRIMARY KEY)", "SELECT pg_sleep(0.3)");
        }
        try (TestDatabase db = TestDatabase.create("five_runners")) {
            List<Process> runners = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                runners.add(gen(db, work.resolve("runner" + i + ".log"), Map.of(), "migration:run", "--dir", dir.toString()));
            }
            StringBuilder logs = new StringBuilder();
            for (int i = 0; i < runners.size(); i++) {
                assertTrue(runners.get(i).waitFor(180, TimeUnit.SECONDS), "runner " + i + " hung");
                String log = Files.readString(work.resolve("runner" + i + ".log"));
                assertEquals(0, runners.get(i).exitValue(), log);
                logs.append(log);
            }
            for (int i = 1; i <= 3; i++) {
                assertEquals(1, count(logs.toString(), "Applied V2026112109000" + i + "__Step" + i), logs.toString());
            }
            assertEquals(3, queryInt(db, "SELECT count(*) FROM gen_migrations"));
            assertEquals(0, queryInt(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        }
    }

    @Test
    void aKilledRunnerLeavesNothingBehind() throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        migration(dir, "V20261121090001__Slow", "CREATE TABLE half_done (id bigint)",
                "SELECT pg_sleep((SELECT seconds FROM sleep_config))");
        try (TestDatabase db = TestDatabase.create("killed_runner")) {
            db.execute("CREATE TABLE sleep_config (seconds float)", "INSERT INTO sleep_config VALUES (60)");
            Process runner = gen(db, work.resolve("killed.log"), Map.of(), "migration:run", "--dir", dir.toString());
            waitUntil(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep((SELECT seconds%'", 60);
            runner.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS));
            waitUntilZero(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", 30);
            waitUntilZero(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep((SELECT seconds%'", 30);
            assertEquals(0, queryInt(db, "SELECT count(*) FROM pg_class WHERE relname = 'half_done'"),
                    "the killed migration's first statement must be rolled back");
            assertEquals(0, queryInt(db, "SELECT count(*) FROM gen_migrations"));

            db.execute("UPDATE sleep_config SET seconds = 0");
            Process again = gen(db, work.resolve("again.log"), Map.of(), "migration:run", "--dir", dir.toString());
            assertTrue(again.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, again.exitValue(), Files.readString(work.resolve("again.log")));
            assertEquals(1, queryInt(db, "SELECT count(*) FROM gen_migrations"));
        }
    }

    @Test
    void thePasswordAppearsInNoOutputWhicheverWayItCame() throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        migration(dir, "V20261121090001__One", "CREATE TABLE one (id bigint)", "SELECT 1");
        Path passwordFile = Files.writeString(work.resolve("password.txt"), SECRET + "\n");
        Path config = Files.writeString(work.resolve("gen.properties"), "password=" + SECRET + "\n");
        try (TestDatabase db = TestDatabase.create("secrets")) {
            List<String> outputs = new ArrayList<>();
            int n = 0;
            // every way in, each against a user that does not exist (so the connection fails and reports) and,
            // through show, against the real one
            for (String user : List.of("no_such_user_gen", db.user())) {
                List<Object[]> ways = List.of(
                        new Object[] {Map.of("GEN_PASSWORD", SECRET), List.of()},
                        new Object[] {Map.of("MY_DB_SECRET", SECRET), List.of("--password-env", "MY_DB_SECRET")},
                        new Object[] {Map.of(), List.of("--password-file", passwordFile.toString())},
                        new Object[] {Map.of(), List.of("--config", config.toString())},
                        new Object[] {Map.of(), List.of("--url", db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                                + "password=" + SECRET)});
                for (Object[] way : ways) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> env = (Map<String, String>) way[0];
                    @SuppressWarnings("unchecked")
                    List<String> flags = (List<String>) way[1];
                    // a failing connection on the way in, a successful run on the way through
                    for (String command : List.of(user.equals(db.user()) ? "migration:run" : "migration:show")) {
                        List<String> args = new ArrayList<>(List.of(command, "--dir", dir.toString(), "--user", user,
                                "--verbose"));
                        args.addAll(flags);
                        Path log = work.resolve("secret" + n++ + ".log");
                        Process process = gen(db, log, env, args.toArray(String[]::new));
                        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
                        outputs.add(command + " as " + user + " (password from " + (env.isEmpty() ? flags.get(0) : env.keySet())
                                + ") -> exit " + process.exitValue() + "\n" + Files.readString(log));
                    }
                }
            }
            for (String output : outputs) {
                assertFalse(output.contains(SECRET), output);
            }
            assertTrue(outputs.stream().anyMatch(o -> o.contains("no_such_user_gen") && o.contains("exit 4")),
                    String.join("\n", outputs));
        }
    }

    private static void migration(Path dir, String className, String... statements) throws IOException {
        StringBuilder up = new StringBuilder();
        for (String statement : statements) {
            up.append("        ctx.execute(\"").append(statement.replace("\"", "\\\"")).append("\");\n");
        }
        Files.writeString(dir.resolve(className + ".java"), "import dev.gen.api.Migration;\n"
                + "import dev.gen.api.MigrationContext;\n\n"
                + "public final class " + className + " implements Migration {\n"
                + "    public void up(MigrationContext ctx) throws java.sql.SQLException {\n" + up + "    }\n"
                + "    public void down(MigrationContext ctx) throws java.sql.SQLException {\n    }\n}\n");
    }

    private Process gen(TestDatabase db, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = GenProcess.cli();
        command.addAll(List.of(args));
        if (!List.of(args).contains("--url")) {
            command.addAll(List.of("--url", db.jdbcUrl()));
        }
        if (!List.of(args).contains("--user")) {
            command.addAll(List.of("--user", db.user()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(work.toFile());
        Map<String, String> environment = new HashMap<>(builder.environment());
        environment.keySet().removeIf(key -> key.startsWith("GEN_"));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int queryInt(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void waitUntil(TestDatabase db, String countQuery, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (queryInt(db, countQuery) == 0) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + countQuery);
            Thread.sleep(100);
        }
    }

    private static void waitUntilZero(TestDatabase db, String countQuery, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (queryInt(db, countQuery) != 0) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for zero: " + countQuery);
            Thread.sleep(200);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
