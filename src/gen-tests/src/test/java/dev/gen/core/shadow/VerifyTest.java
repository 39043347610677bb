package dev.gen.core.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migration:verify} in a shadow database: the example's migrations pass, and each of three hand-written
 * broken migrations fails at its step, with the difference in words. The target is only read.
 */
class VerifyTest {

    private static final String ADD_NOTES = "ALTER TABLE \"public\".\"users\" ADD COLUMN \"additional_notes\" varchar(2000)";
    private static final String DROP_NOTES = "ALTER TABLE \"public\".\"users\" DROP COLUMN \"additional_notes\"";

    @TempDir
    Path work;

    @Test
    void theExampleMigrationsPass() {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT, ShadowFixture.NOTES);
        try (TestDatabase target = TestDatabase.create("verify_example")) {
            Cli cli = new Cli(target, "--classpath", classes.toString(), "--dir", dir.toString());
            Cli.Result all = cli.run("migration:verify");
            assertEquals(0, all.exitCode(), all.toString());
            assertTrue(all.out().contains(ShadowFixture.INIT + ": passed"), all.toString());
            assertTrue(all.out().contains(ShadowFixture.NOTES + ": passed"), all.toString());
            assertTrue(all.out().contains("generate  ok"), "the newest one is compared with the entities: " + all);

            Cli.Result named = cli.run("migration:verify", ShadowFixture.NOTES + ".java");
            assertEquals(0, named.exitCode(), named.toString());
            assertTrue(!named.out().contains(ShadowFixture.INIT + ":"), "only the named one: " + named);

            assertEquals(0, cli.run("migration:run").exitCode());
            Cli.Result nothing = cli.run("migration:verify");
            assertEquals(0, nothing.exitCode(), nothing.toString());
            assertTrue(nothing.out().startsWith("Nothing to verify"), nothing.toString());

            assertEquals(2, cli.run("migration:verify", "V20990101000000__Nope").exitCode(), "an unknown name");
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target));
        }
    }

    @Test
    void aDownThatForgetsAnIndexFailsAtDown() {
        Path classes = ExampleModel.compile(work.resolve("classes"), "com/example/core/User.java", text -> text.replace(
                "indexes = @Index(name = \"idx_users_last_name\", columnList = \"last_name, first_name\")",
                "indexes = {@Index(name = \"idx_users_last_name\", columnList = \"last_name, first_name\"),"
                        + " @Index(name = \"idx_users_first_name\", columnList = \"first_name\")}"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT, ShadowFixture.NOTES);
        ShadowFixture.migration(dir, "V20261121110000__FirstNameIndex",
                List.of("CREATE INDEX \"idx_users_first_name\" ON \"public\".\"users\" (\"first_name\")"), List.of());
        Cli.Result result = verify(classes, dir, "verify_down_index");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("V20261121110000__FirstNameIndex: FAILED"), result.toString());
        assertTrue(result.out().contains("generate  ok"), result.toString());
        assertTrue(result.out().contains("down      FAILED"), result.toString());
        assertTrue(result.out().contains("after down, the schema differs from the one before up")
                && result.out().contains("create index idx_users_first_name"), result.toString());
    }

    @Test
    void anUpThatLeavesAChangeForTheNextGenerateFailsAtGenerate() {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT);
        ShadowFixture.migration(dir, ShadowFixture.NOTES, List.of(ADD_NOTES.replace("2000", "1000")), List.of(DROP_NOTES));
        Cli.Result result = verify(classes, dir, "verify_generate");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("generate  FAILED"), result.toString());
        assertTrue(result.out().contains("after up, generate still finds: change type of public.users.additional_notes"),
                result.toString());
        assertTrue(result.out().contains("down      ok") && result.out().contains("up again  ok"), result.toString());
    }

    @Test
    void anUpThatCannotRunTwiceAfterItsDownFailsAtUpAgain() {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT);
        // down takes the column away but leaves the row up inserted, so up's insert meets it the second time
        ShadowFixture.migration(dir, ShadowFixture.NOTES, List.of(ADD_NOTES, "INSERT INTO \"public\".\"users\" (dtype,"
                + " id, email, password_hash, role, created_at) VALUES ('AppUser', 1, 'seed@example.com', 'x', 'ADMIN',"
                + " now())"), List.of(DROP_NOTES));
        Cli.Result result = verify(classes, dir, "verify_up_twice");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("generate  ok") && result.out().contains("down      ok"), result.toString());
        assertTrue(result.out().contains("up again  FAILED"), result.toString());
        assertTrue(result.out().contains("users_pkey"), "the error names the duplicate key: " + result);
    }

    @Test
    void jsonNamesTheFailingStep() {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT);
        ShadowFixture.migration(dir, ShadowFixture.NOTES, List.of(ADD_NOTES.replace("2000", "1000")), List.of(DROP_NOTES));
        try (TestDatabase target = TestDatabase.create("verify_json")) {
            Cli.Result result = new Cli(target, "--classpath", classes.toString(), "--dir", dir.toString())
                    .run("migration:verify", "--format", "json");
            assertEquals(1, result.exitCode(), result.toString());
            String out = result.out().replaceAll("\\s+", " ");
            assertTrue(out.startsWith("{ \"passed\": false,"), out);
            assertTrue(out.contains("\"step\": \"generate\", \"outcome\": \"failed\""), out);
        }
    }

    /** Verifies the pending migrations of {@code dir} against a new, empty target, which must stay empty. */
    private static Cli.Result verify(Path classes, Path dir, String name) {
        try (TestDatabase target = TestDatabase.create(name)) {
            Cli.Result result = new Cli(target, "--classpath", classes.toString(), "--dir", dir.toString())
                    .run("migration:verify");
            assertEquals(List.of(), ShadowFixture.strings(target, "SELECT relname FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"), "verify never writes to the target");
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target), "no shadow database is left");
            return result;
        }
    }
}
