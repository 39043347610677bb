package dev.gen.e2e;

import dev.gen.testing.GenProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear paragraph and a distinct exit code; two runners never apply a migration twice. */
class ErrorsAndConcurrencyTest {

    private static final String SECRET = "Sup3r-Secret-Pa55word";

    @TempDir
    Path work;

    @Test
    void twoRunnerProcessesApplyEachMigrationOnce() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ExampleModel.history(work.resolve("migrations"));
        try (TestDatabase db = TestDatabase.create("two_runners")) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(javaCommand("migration:run", "--url", db.jdbcUrl(), "--user", db.user(),
                        "--dir", dir.toString(), "--classpath", classes.toString()))
                        .redirectErrorStream(true).redirectOutput(work.resolve("runner" + i + ".log").toFile()).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "runner " + i + " hung");
                assertEquals(0, processes.get(i).exitValue(), Files.readString(work.resolve("runner" + i + ".log")));
            }
            String logs = Files.readString(work.resolve("runner0.log")) + Files.readString(work.resolve("runner1.log"));
            assertEquals(1, count(logs, "Applied " + ExampleModel.CORE_INIT), logs);
            assertEquals(1, count(logs, "Applied V20261121090000__Init"), logs);
            assertEquals(1, count(logs, "Applied V20261121103000__AddUserNotes"), logs);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT count(*) FROM gen_migrations")) {
                rows.next();
                assertEquals(3, rows.getInt(1));
            }
        }
    }

    @Test
    void unknownUserIsAConnectionErrorWithoutThePassword() throws IOException {
        Path passwordFile = Files.writeString(work.resolve("password"), SECRET + "-from-file\n");
        try (TestDatabase db = TestDatabase.create("bad_login")) {
            Path classes = ExampleModel.compile(work.resolve("classes"));
            Cli.Result result = Cli.runRaw(List.of("migration:generate", "Init", "--url", db.jdbcUrl(),
                    "--user", "no_such_user_gen", "--password-file", passwordFile.toString(), "--classpath", classes.toString(),
                    "--dir", work.resolve("out").toString()));
            assertEquals(4, result.exitCode(), result.toString());
            assertTrue(result.err().contains("no_such_user_gen"), result.toString());
            assertFalse(result.all().contains(SECRET), result.toString());
            assertEquals(1, result.err().strip().lines().count(), "one paragraph, no stack trace: " + result);
        }
    }

    @Test
    void unreachableHostSaysSo() throws IOException {
        Files.createDirectories(work.resolve("none"));
        Cli.Result result = Cli.runRaw(List.of("migration:run", "--url",
                "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2", "--user", "postgres",
                "--dir", work.resolve("none").toString()));
        assertEquals(4, result.exitCode(), result.toString());
        assertTrue(result.err().contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nothing"),
                result.toString());
        assertFalse(result.all().contains(SECRET), result.toString());
    }

    @Test
    void classpathWithoutEntities() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        try (TestDatabase db = TestDatabase.create("no_entities")) {
            Cli.Result result = new Cli(db, "--classpath", empty.toString(), "--dir", work.resolve("out").toString())
                    .run("migration:generate", "Init");
            assertEquals(5, result.exitCode(), result.toString());
            assertTrue(result.err().contains("No @Entity class was found"), result.toString());
            assertFalse(Files.exists(work.resolve("out")));
        }
    }

    @Test
    void malformedMigrationSource() throws Exception {
        Path dir = Files.createDirectories(work.resolve("broken"));
        Files.writeString(dir.resolve("V20261121090000__Broken.java"),
                "import dev.gen.api.*;\npublic final class V20261121090000__Broken implements Migration {\n"
                        + "    public void up(MigrationContext ctx) { ctx.execute(\"SELECT 1\") }\n}\n");
        try (TestDatabase db = TestDatabase.create("broken_source")) {
            Cli.Result result = new Cli(db, "--dir", dir.toString()).run("migration:run");
            assertEquals(6, result.exitCode(), result.toString());
            assertTrue(result.err().contains("V20261121090000__Broken.java"), result.toString());
            assertFalse(result.err().contains("\tat "), "no stack trace: " + result);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT to_regclass('public.gen_migrations') IS NULL")) {
                rows.next();
                assertTrue(rows.getBoolean(1), "nothing touched the database for a migration that never compiled");
            }
        }
    }

    @Test
    void helpAndVersionWork() {
        Cli.Result help = Cli.runRaw(List.of("--help"));
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("migration:generate") && help.out().contains("Exit codes"), help.toString());
        Cli.Result version = Cli.runRaw(List.of("--version"));
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("gen "), version.toString());
        Cli.Result usage = Cli.runRaw(List.of("migration:generate", "--no-such-flag"));
        assertEquals(2, usage.exitCode(), usage.toString());
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = GenProcess.cli();
        command.addAll(List.of(args));
        return command;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
