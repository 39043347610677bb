package dev.gen.core.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --from-history}: the migration a database with the history applied gives, from an empty one. */
class FromHistoryTest {

    private static final String TIMESTAMP = "1795257000000"; // 2026-11-21 10:30:00 UTC, as AddUserNotes

    @TempDir
    Path work;

    @Test
    void fromHistoryOnAnEmptyTargetGivesTheBytesOfGenerateOnAnUpToDateDatabase() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT);
        // the application's migrations are in the plugin's package, db.migration
        Path config = Files.writeString(work.resolve("gen.properties"), "migrations-package=db.migration\n");
        try (TestDatabase empty = TestDatabase.create("from_history_empty");
                TestDatabase upToDate = TestDatabase.create("from_history_applied")) {
            Cli onEmpty = new Cli(empty, "--classpath", classes.toString(), "--dir", dir.toString(), "--config",
                    config.toString());
            Cli onUpToDate = new Cli(upToDate, "--classpath", classes.toString(), "--dir", dir.toString(), "--config",
                    config.toString());
            assertEquals(0, onUpToDate.run("migration:run").exitCode());

            Cli.Result fromHistory = onEmpty.run("migration:generate", "AddUserNotes", "--from-history", "--dry-run",
                    "--timestamp", TIMESTAMP);
            Cli.Result direct = onUpToDate.run("migration:generate", "AddUserNotes", "--dry-run", "--timestamp", TIMESTAMP);
            assertEquals(0, fromHistory.exitCode(), fromHistory.toString());
            assertEquals(0, direct.exitCode(), direct.toString());
            assertTrue(direct.out().contains("ADD COLUMN \"additional_notes\" varchar(2000)"), direct.toString());
            assertEquals(direct.out(), fromHistory.out(), "byte for byte, with the timestamp pinned");
            // and what a plain generate on the empty database would give is the whole schema, not this
            Cli.Result plain = onEmpty.run("migration:generate", "AddUserNotes", "--dry-run", "--allow-pending",
                    "--timestamp", TIMESTAMP);
            assertTrue(plain.out().contains("CREATE TABLE"), plain.toString());

            Cli.Result written = onEmpty.run("migration:generate", "AddUserNotes", "--from-history", "--timestamp",
                    TIMESTAMP);
            assertEquals(0, written.exitCode(), written.toString());
            assertEquals(ExampleModel.appMigration(ShadowFixture.NOTES),
                    Files.readString(dir.resolve(ShadowFixture.NOTES + ".java")),
                    "the committed AddUserNotes of the example, byte for byte");

            assertEquals(List.of(), ShadowFixture.strings(empty, "SELECT relname FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"), "the target is never touched");
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(empty), "no shadow database is left");
        }
    }

    @Test
    void aHistoryThatFailsToReplaySaysSoAndLeavesNoShadow() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT);
        ShadowFixture.migration(dir, "V20261121100000__Broken", List.of("ALTER TABLE no_such_table ADD COLUMN x int"),
                List.of());
        try (TestDatabase empty = TestDatabase.create("from_history_broken")) {
            Cli cli = new Cli(empty, "--classpath", classes.toString(), "--dir", dir.toString());
            Cli.Result result = cli.run("migration:generate", "Next", "--from-history", "--dry-run");
            assertEquals(7, result.exitCode(), result.toString());
            assertTrue(result.err().contains("shadow database") && result.err().contains("no_such_table"),
                    result.toString());
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(empty), "no shadow database is left");
        }
    }
}
