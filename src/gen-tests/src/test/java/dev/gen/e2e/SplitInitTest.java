package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.HibernateSchemaValidator;
import dev.gen.testing.SyntheticEntities;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code Init} too large for one transaction's locks on a default server is written as consecutive migrations
 * ({@code Init_1_of_n} ...), which run in order, leave the schema Hibernate validates and that generating again
 * finds equal, and revert back to nothing newest first.
 */
class SplitInitTest {

    /** Enough entities that their Init needs more lock-table entries than one part may take. */
    private static final int ENTITIES = 450;

    @TempDir
    Path work;

    @Test
    void aLargeInitIsSplitIntoPartsThatRunInOrderAndRevert() throws Exception {
        Path classes = SyntheticEntities.compile(work, ENTITIES);
        Path migrations = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("splitinit")) {
            List<String> common = List.of("--url", db.jdbcUrl(), "--user", db.user(), "--classpath",
                    classes.toString(), "--dir", migrations.toString());

            Cli.Result preview = Cli.runRaw(args(common, "migration:generate", "Init", "--dry-run"));
            assertEquals(0, preview.exitCode(), preview::toString);
            assertFalse(Files.exists(migrations), "a dry run writes nothing");
            assertTrue(preview.out().contains("// ----- V") && preview.out().contains("__Init_2_of_"),
                    "the dry run shows every part under its name");

            Cli.Result init = Cli.runRaw(args(common, "migration:generate", "Init"));
            assertEquals(0, init.exitCode(), init::toString);
            List<Path> files = javaFiles(migrations);
            int parts = files.size();
            assertTrue(parts >= 2, "parts: " + files);
            System.out.println(ENTITIES + " entities: Init in " + parts + " parts");
            for (int i = 1; i <= parts; i++) {
                Path file = files.get(i - 1);
                assertTrue(file.getFileName().toString().endsWith("__Init_" + i + "_of_" + parts + ".java"),
                        file::toString);
                assertTrue(Files.readString(file).contains("<p>Part " + i + " of " + parts + " of Init."),
                        "each part says what it is");
                assertTrue(init.out().contains("Wrote " + file), init::toString);
            }

            // the JSON report lists every part, so that a CI job that commits what gen wrote misses none
            Path elsewhere = work.resolve("migrations-json");
            List<String> jsonCommon = new ArrayList<>(common.subList(0, common.size() - 1));
            jsonCommon.add(elsewhere.toString());
            Cli.Result json = Cli.runRaw(args(jsonCommon, "migration:generate", "Init", "--format", "json"));
            assertEquals(0, json.exitCode(), json::toString);
            for (Path file : javaFiles(elsewhere)) {
                assertTrue(json.out().contains("\"file\": \"" + file + "\""), () -> file + " in " + json.out()
                        .substring(0, Math.min(2000, json.out().length())));
            }
            assertEquals(parts, javaFiles(elsewhere).size());

            Cli.Result run = Cli.runRaw(args(common, "migration:run"));
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(parts, count(db, "SELECT count(*) FROM gen_migrations WHERE success"));
            assertEquals(ENTITIES, count(db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'entity\\_%'"));
            validateOnALargeStack(classes, db);

            Cli.Result check = Cli.runRaw(args(common, "migration:generate", "--check"));
            assertEquals(0, check.exitCode(), check::toString);
            assertTrue(check.out().contains("No changes"), check::toString);

            Cli.Result revert = Cli.runRaw(args(common, "migration:revert", "--count", String.valueOf(parts)));
            assertEquals(0, revert.exitCode(), revert::toString);
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relname NOT LIKE 'gen\\_migrations%'"));
        }
    }

    private static List<String> args(List<String> common, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(common);
        return all;
    }

    /**
     * Hibernate's validator builds a session factory, whose loaders follow the model's chain of eager many-to-ones
     * one stack frame group per entity: 450 of them overflow a default thread stack (Hibernate's limit, not gen's).
     */
    private static void validateOnALargeStack(Path classes, TestDatabase db) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                HibernateSchemaValidator.validate(List.of(classes), Map.of(), db);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "validate", 512L << 20);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError("Hibernate's validator refuses the schema the parts built", failure[0]);
        }
    }

    private static List<Path> javaFiles(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
