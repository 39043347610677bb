package dev.gen.scenarios;

import dev.gen.testing.GenProcess;
import static dev.gen.scenarios.Scenario.assertOneParagraph;
import static dev.gen.scenarios.Scenario.history;
import static dev.gen.scenarios.Scenario.tableExists;
import static dev.gen.scenarios.Scenario.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gen.properties, the environment and flags, as a project sets them up; and the command line's own errors. */
class ConfigurationScenarioTest {

    private static final String SECRET = "Tr0ub4dor-and-3-horses";

    private static TestDatabase db;

    @TempDir
    Path work;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("scen_config");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void flagBeatsEnvironmentBeatsFile() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        Files.writeString(project.resolve("gen.properties"), "dir=from-file\nurl=jdbc:postgresql://127.0.0.1:1/none\n");
        Process.Output fromFile = Process.run(project, Map.of(), "migration:create", "A", "-t", Scenario.at(1));
        assertEquals(0, fromFile.code(), fromFile.text());
        assertTrue(Files.exists(project.resolve("from-file/V" + Scenario.version(1) + "__A.java")), fromFile.text());

        Process.Output fromEnv = Process.run(project, Map.of("GEN_DIR", "from-env"), "migration:create", "B", "-t",
                Scenario.at(2));
        assertEquals(0, fromEnv.code(), fromEnv.text());
        assertTrue(Files.exists(project.resolve("from-env/V" + Scenario.version(2) + "__B.java")), fromEnv.text());

        Process.Output fromFlag = Process.run(project, Map.of("GEN_DIR", "from-env"), "migration:create", "C",
                "--dir", "from-flag", "-t", Scenario.at(3));
        assertEquals(0, fromFlag.code(), fromFlag.text());
        assertTrue(Files.exists(project.resolve("from-flag/V" + Scenario.version(3) + "__C.java")), fromFlag.text());
        assertEquals(1, tree(project.resolve("from-env")).size());

        // The URL: the file's points nowhere, the environment's at the test database.
        Process.Output show = Process.run(project, Map.of("GEN_URL", db.jdbcUrl(), "GEN_USER", db.user(),
                "GEN_SCHEMA", "s_env"), "migration:show");
        assertEquals(0, show.code(), show.text());
        assertTrue(show.text().contains("[ ] V" + Scenario.version(1) + "__A  pending"), show.text());
    }

    @Test
    void anotherConfigFileAndAMissingOne() throws Exception {
        Path dir = work.resolve("elsewhere");
        Path config = Files.writeString(work.resolve("staging.properties"), "url=" + db.jdbcUrl() + "\nuser=" + db.user()
                + "\nschema=s_cfg\ndir=" + dir + "\nmigrations-package=db.migration\n");
        Cli.Result created = Cli.runRaw(List.of("migration:create", "Seed", "--config", config.toString(), "-t",
                Scenario.at(1)));
        assertEquals(0, created.exitCode(), created.toString());
        Path file = dir.resolve("V" + Scenario.version(1) + "__Seed.java");
        assertTrue(Files.readString(file).startsWith("package db.migration;"), Files.readString(file));
        Scenario.fill(file, "CREATE TABLE s_cfg.seeded (id int)", "DROP TABLE s_cfg.seeded");

        Cli.Result run = Cli.runRaw(List.of("migration:run", "--config", config.toString()));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(tableExists(db, "s_cfg", "seeded"));
        Cli.Result show = Cli.runRaw(List.of("migration:show", "--config", config.toString()));
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[X] V" + Scenario.version(1) + "__Seed  applied"), show.toString());
        Cli.Result revert = Cli.runRaw(List.of("migration:revert", "--config", config.toString()));
        assertEquals(0, revert.exitCode(), revert.toString());
        assertFalse(tableExists(db, "s_cfg", "seeded"));

        // A flag still beats the file it names.
        Cli.Result flag = Cli.runRaw(List.of("migration:run", "--config", config.toString(), "--schema", "s_cfg_flag"));
        assertEquals(0, flag.exitCode(), flag.toString());
        assertTrue(tableExists(db, "s_cfg_flag", "gen_migrations") && tableExists(db, "s_cfg", "seeded"));
        assertEquals(1, history(db, "s_cfg_flag", "gen_migrations").size());

        Cli.Result missing = Cli.runRaw(List.of("migration:show", "--config", work.resolve("nope.properties").toString()));
        assertEquals(2, missing.exitCode(), missing.toString());
        assertOneParagraph(missing);
        assertTrue(missing.err().contains("nope.properties"), missing.toString());
    }

    @Test
    void generatedMigrationsInAPackageStillRun() throws Exception {
        Path classes = ShopModel.compile(work.resolve("classes"), ShopModel.other());
        Path dir = work.resolve("src/main/java/db/migration");
        Path config = Files.writeString(work.resolve("gen.properties"), "url=" + db.jdbcUrl() + "\nuser=" + db.user()
                + "\nschema=s_pkgmig\ndir=" + dir + "\nclasspath=" + classes + "\nmigrations-package=db.migration\n");
        Cli.Result init = Cli.runRaw(List.of("migration:generate", "Init", "--config", config.toString()));
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(tree(dir).values().iterator().next().startsWith("package db.migration;"), tree(dir).toString());
        Cli.Result run = Cli.runRaw(List.of("migration:run", "--config", config.toString()));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(tableExists(db, "s_pkgmig", "gadget"));
        Cli.Result again = Cli.runRaw(List.of("migration:generate", "Again", "--config", config.toString()));
        assertTrue(again.out().startsWith("No changes"), again.toString());

        Path bad = Files.writeString(work.resolve("bad.properties"), "dir=" + work.resolve("bad")
                + "\nmigrations-package=db.1migration\n");
        Cli.Result invalid = Cli.runRaw(List.of("migration:create", "Seed", "--config", bad.toString()));
        assertEquals(2, invalid.exitCode(), invalid.toString());
        assertOneParagraph(invalid);
        assertFalse(Files.exists(work.resolve("bad")));
    }

    @Test
    void passwordsNeverShow() throws Exception {
        Path config = Files.writeString(work.resolve("secret.properties"), "url=" + db.jdbcUrl()
                + "\nuser=no_such_role_gen\npassword=" + SECRET + "\n");
        for (String command : List.of("migration:show", "migration:run")) {
            for (boolean verbose : List.of(false, true)) {
                List<String> args = new ArrayList<>(List.of(command, "--config", config.toString(), "--dir",
                        Files.createDirectories(work.resolve("empty")).toString()));
                if (verbose) {
                    args.add("--verbose");
                }
                Cli.Result result = Cli.runRaw(args);
                assertEquals(4, result.exitCode(), result.toString());
                assertFalse(result.all().contains(SECRET), result.toString());
                assertTrue(result.err().contains("no_such_role_gen"), result.toString());
            }
        }
        // A password in --url shows in the process list: refused before anything connects.
        Cli.Result inUrl = Cli.runRaw(List.of("migration:show", "--url", "jdbc:postgresql://127.0.0.1:1/x?password="
                + SECRET + "&connectTimeout=2", "--user", "u", "--dir", work.toString()));
        assertEquals(2, inUrl.exitCode(), inUrl.toString());
        assertTrue(inUrl.err().contains("GEN_PASSWORD, --password-env <VAR> or --password-file <path>"), inUrl.toString());
        assertFalse(inUrl.all().contains(SECRET), inUrl.toString());
        // The same URL from gen.properties is not in the process list: accepted, and masked in the error.
        Path inFile = Files.writeString(work.resolve("url-password.properties"), "url=jdbc:postgresql://127.0.0.1:1/x"
                + "?password=" + SECRET + ";more&connectTimeout=2\nuser=u\n");
        Cli.Result fromFile = Cli.runRaw(List.of("migration:show", "--config", inFile.toString(), "--dir", work.toString()));
        assertEquals(4, fromFile.exitCode(), fromFile.toString());
        assertFalse(fromFile.all().contains(SECRET), fromFile.toString());
        assertFalse(fromFile.all().contains(";more"), fromFile.toString());
    }

    @Test
    void unknownCommandsAndOptionsShowUsage() {
        Cli.Result command = Cli.runRaw(List.of("migration:frobnicate"));
        assertEquals(2, command.exitCode(), command.toString());
        assertTrue(command.err().contains("migration:frobnicate") && command.err().contains("Usage"), command.toString());

        Cli.Result option = Cli.runRaw(List.of("migration:run", "--frobnicate"));
        assertEquals(2, option.exitCode(), option.toString());
        assertTrue(option.err().contains("--frobnicate") && option.err().contains("Usage"), option.toString());

        Cli.Result password = Cli.runRaw(List.of("migration:run", "--password", SECRET));
        assertEquals(2, password.exitCode(), password.toString());
        assertFalse(password.all().contains(SECRET), password.toString());

        Cli.Result noUrl = Cli.runRaw(List.of("migration:show", "--config", "/dev/null", "--url", " "));
        assertEquals(2, noUrl.exitCode(), noUrl.toString());
        assertOneParagraph(noUrl);

        Cli.Result duration = Cli.runRaw(List.of("migration:run", "--url", db.jdbcUrl(), "--lock-timeout", "soon"));
        assertEquals(2, duration.exitCode(), duration.toString());
        assertOneParagraph(duration);

        Cli.Result help = Cli.runRaw(List.of("help", "migration:run"));
        assertEquals(0, help.exitCode(), help.toString());
        assertTrue(help.out().contains("Usage: gen migration:run") && help.out().contains("--fake"), help.toString());
        for (String name : List.of("migration:generate", "migration:create", "migration:run", "migration:revert",
                "migration:show", "migration:baseline", "migration:repair")) {
            Cli.Result own = Cli.runRaw(List.of(name, "--help"));
            assertEquals(0, own.exitCode(), own.toString());
            assertTrue(own.out().contains("Usage: gen " + name), own.toString());
        }
    }

    /** gen as its own process, started in a project directory with its own environment. */
    private static final class Process {
        record Output(int code, String text) {
        }

        static Output run(Path directory, Map<String, String> env, String... args) throws Exception {
            List<String> command = GenProcess.cli("-XX:TieredStopAtLevel=1");
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("GEN_"));
            builder.environment().putAll(env);
            java.lang.Process process = builder.start();
            String text = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            return new Output(process.exitValue(), text);
        }
    }
}
