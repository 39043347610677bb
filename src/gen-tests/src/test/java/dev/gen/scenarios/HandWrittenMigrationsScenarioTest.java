package dev.gen.scenarios;

import static dev.gen.scenarios.Scenario.assertOneParagraph;
import static dev.gen.scenarios.Scenario.create;
import static dev.gen.scenarios.Scenario.history;
import static dev.gen.scenarios.Scenario.tableExists;
import static dev.gen.scenarios.Scenario.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user writing migrations by hand with migration:create, then running, showing, reverting, editing and deleting
 * them. Each test manages its own schema of one shared database, so the history tables never meet.
 */
class HandWrittenMigrationsScenarioTest {

    private static TestDatabase db;

    @TempDir
    Path work;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("scen_hand");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private Cli cli(String schema) {
        return new Cli(db, "--schema", schema, "--dir", work.resolve("migrations").toString(), "--config",
                noSettings());
    }

    /**
     * A gen.properties of its own: the repository's points at the example, whose core library declares migrations
     * that the runner would run alongside these hand-written ones.
     */
    private String noSettings() {
        try {
            Path file = work.resolve("no-settings.properties");
            if (!Files.exists(file)) {
                Files.writeString(file, "schema=public\n");
            }
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void createEditRunShowRevert() throws Exception {
        Cli cli = cli("s_cycle");
        Path file = create(cli, "AddWidgets", 1,
                "CREATE TABLE s_cycle.widget (id bigint PRIMARY KEY, name text);"
                        + " INSERT INTO s_cycle.widget VALUES (1, 'it''s \"quoted\"')",
                "DROP TABLE s_cycle.widget");
        assertEquals("V" + version(1) + "__AddWidgets.java", file.getFileName().toString());

        Cli.Result pending = cli.run("migration:show");
        assertEquals(0, pending.exitCode(), pending.toString());
        assertTrue(pending.out().contains("[ ] V" + version(1) + "__AddWidgets  pending"), pending.toString());

        Cli.Result run = cli.run("migration:run");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Applied V" + version(1) + "__AddWidgets"), run.toString());
        assertTrue(tableExists(db, "s_cycle", "widget"));
        assertEquals(List.of("it's \"quoted\""), Scenario.query(db, "SELECT name FROM s_cycle.widget"));
        assertEquals(List.of(version(1)), history(db, "s_cycle", "gen_migrations"));

        Cli.Result applied = cli.run("migration:show");
        assertEquals(0, applied.exitCode(), applied.toString());
        assertTrue(applied.out().contains("[X] V" + version(1) + "__AddWidgets  applied "), applied.toString());

        Cli.Result again = cli.run("migration:run");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("No pending migrations"), again.toString());

        Cli.Result revert = cli.run("migration:revert");
        assertEquals(0, revert.exitCode(), revert.toString());
        assertTrue(revert.out().contains("Reverted V" + version(1) + "__AddWidgets"), revert.toString());
        assertFalse(tableExists(db, "s_cycle", "widget"));
        assertEquals(List.of(), history(db, "s_cycle", "gen_migrations"));

        Cli.Result nothing = cli.run("migration:revert");
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.out().contains("Nothing to revert"), nothing.toString());
    }

    @Test
    void editingAnAppliedMigrationStopsShowAndRunUntilRepaired() throws Exception {
        Cli cli = cli("s_edit");
        Path first = create(cli, "First", 1, "CREATE TABLE s_edit.a (id int)", "DROP TABLE s_edit.a");
        assertEquals(0, cli.run("migration:run").exitCode());
        create(cli, "Second", 2, "CREATE TABLE s_edit.b (id int)", "DROP TABLE s_edit.b");
        // The user edits the applied migration.
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE s_edit.a (id int)",
                "CREATE TABLE s_edit.a (id int, note text)"));

        Cli.Result show = cli.run("migration:show");
        assertEquals(6, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[!] V" + version(1) + "__First") && show.out().contains("changed"),
                show.toString());
        assertTrue(show.out().contains("[ ] V" + version(2) + "__Second  pending"), show.toString());

        Cli.Result run = cli.run("migration:run");
        assertEquals(6, run.exitCode(), run.toString());
        assertTrue(run.err().contains("V" + version(1) + "__First"), run.toString());
        assertOneParagraph(run);
        assertFalse(tableExists(db, "s_edit", "b"), "nothing may run while the history disagrees");
        assertEquals(List.of(version(1)), history(db, "s_edit", "gen_migrations"));

        Cli.Result revert = cli.run("migration:revert");
        assertEquals(6, revert.exitCode(), revert.toString());
        assertTrue(tableExists(db, "s_edit", "a"), "revert must not run an edited migration's down");

        Cli.Result repair = cli.run("migration:repair");
        assertEquals(0, repair.exitCode(), repair.toString());
        assertTrue(repair.out().contains("Accepted the checksum of V" + version(1) + "__First"), repair.toString());
        Cli.Result shown = cli.run("migration:show");
        assertEquals(0, shown.exitCode(), shown.toString());
        assertTrue(shown.out().contains("[X] V" + version(1) + "__First  applied"), shown.toString());

        Cli.Result runs = cli.run("migration:run");
        assertEquals(0, runs.exitCode(), runs.toString());
        assertTrue(tableExists(db, "s_edit", "b"));
        assertEquals(List.of(version(1), version(2)), history(db, "s_edit", "gen_migrations"));
        assertTrue(cli.run("migration:repair").out().contains("Nothing to repair"));
    }

    @Test
    void reformattingAnAppliedMigrationIsNoEdit() throws Exception {
        Cli cli = cli("s_format");
        Path file = create(cli, "First", 1, "CREATE TABLE s_format.a (id int)", "DROP TABLE s_format.a");
        assertEquals(0, cli.run("migration:run").exitCode());
        Files.writeString(file, Files.readString(file).replace("ctx.execute(", "// reviewed\n        ctx.execute(")
                .replace("    ", "\t"));
        Cli.Result show = cli.run("migration:show");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[X] V" + version(1) + "__First  applied"), show.toString());
    }

    @Test
    void deletingAnAppliedMigrationsFileIsReported() throws Exception {
        Cli cli = cli("s_gone");
        Path first = create(cli, "First", 1, "CREATE TABLE s_gone.a (id int)", "DROP TABLE s_gone.a");
        create(cli, "Second", 2, "CREATE TABLE s_gone.b (id int)", "DROP TABLE s_gone.b");
        assertEquals(0, cli.run("migration:run", "--to", version(1)).exitCode());
        Files.delete(first);

        Cli.Result show = cli.run("migration:show");
        assertEquals(6, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[!] V" + version(1) + "__First") && show.out().contains("missing"),
                show.toString());

        Cli.Result run = cli.run("migration:run");
        assertEquals(6, run.exitCode(), run.toString());
        assertOneParagraph(run);
        assertTrue(run.err().contains("V" + version(1) + "__First"), run.toString());
        assertFalse(tableExists(db, "s_gone", "b"));

        Cli.Result revert = cli.run("migration:revert");
        assertEquals(6, revert.exitCode(), revert.toString());
        assertOneParagraph(revert);
        assertTrue(tableExists(db, "s_gone", "a"));
    }

    @Test
    void runToThenRevertCount() throws Exception {
        Cli cli = cli("s_count");
        create(cli, "One", 1, "CREATE TABLE s_count.one (id int)", "DROP TABLE s_count.one");
        create(cli, "Two", 2, "CREATE TABLE s_count.two (id int)", "DROP TABLE s_count.two");
        create(cli, "Three", 3, "CREATE TABLE s_count.three (id int)", "DROP TABLE s_count.three");

        Cli.Result to = cli.run("migration:run", "--to", "V" + version(2) + "__Two");
        assertEquals(0, to.exitCode(), to.toString());
        assertTrue(to.out().contains("Applied V" + version(1) + "__One") && to.out().contains("Applied V"
                + version(2) + "__Two") && !to.out().contains("Three"), to.toString());
        assertFalse(tableExists(db, "s_count", "three"));
        Cli.Result show = cli.run("migration:show");
        assertTrue(show.out().contains("[ ] V" + version(3) + "__Three  pending"), show.toString());

        assertEquals(0, cli.run("migration:run").exitCode());
        assertEquals(List.of(version(1), version(2), version(3)), history(db, "s_count", "gen_migrations"));

        Cli.Result revert = cli.run("migration:revert", "--count", "2");
        assertEquals(0, revert.exitCode(), revert.toString());
        String out = revert.out();
        assertTrue(out.indexOf("Reverted V" + version(3)) >= 0 && out.indexOf("Reverted V" + version(3))
                < out.indexOf("Reverted V" + version(2)), "newest first: " + revert);
        assertTrue(tableExists(db, "s_count", "one"));
        assertFalse(tableExists(db, "s_count", "two"));
        assertFalse(tableExists(db, "s_count", "three"));
        assertEquals(List.of(version(1)), history(db, "s_count", "gen_migrations"));

        Cli.Result bad = cli.run("migration:revert", "--count", "0");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(tableExists(db, "s_count", "one"), "a bad count reverts nothing");

        Cli.Result both = cli.run("migration:revert", "--count", "1", "--to", version(1));
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(tableExists(db, "s_count", "one"));
    }

    @Test
    void aVersionThatIsNoVersionSelectsNothing() throws Exception {
        Cli cli = cli("s_typo");
        create(cli, "One", 1, "CREATE TABLE s_typo.one (id int)", "DROP TABLE s_typo.one");
        create(cli, "Two", 2, "CREATE TABLE s_typo.two (id int)", "DROP TABLE s_typo.two");
        for (String typo : List.of("latest", "2026010100010", "V" + version(1) + "_One")) {
            Cli.Result run = cli.run("migration:run", "--to", typo);
            assertEquals(2, run.exitCode(), typo + ": " + run);
            assertOneParagraph(run);
            assertFalse(tableExists(db, "s_typo", "one"), typo + " must not run everything");
        }
        Cli.Result baseline = cli.run("migration:baseline", "latest");
        assertEquals(2, baseline.exitCode(), baseline.toString());
        assertEquals(List.of(), history(db, "s_typo", "gen_migrations"));
        assertEquals(0, cli.run("migration:run", "--to", "V" + version(1) + "__One.java").exitCode());
        Cli.Result revert = cli.run("migration:revert", "--to", "first");
        assertEquals(2, revert.exitCode(), revert.toString());
        assertTrue(tableExists(db, "s_typo", "one"));

        for (String option : List.of("--statement-timeout", "--db-lock-timeout")) {
            Cli.Result bad = cli.run("migration:run", option, "forever");
            assertEquals(2, bad.exitCode(), option + ": " + bad);
            assertOneParagraph(bad);
        }
        assertFalse(tableExists(db, "s_typo", "two"));
        Cli.Result timed = cli.run("migration:run", "--statement-timeout", "30s", "--db-lock-timeout", "5s");
        assertEquals(0, timed.exitCode(), timed.toString());
        assertTrue(tableExists(db, "s_typo", "two"));
    }

    @Test
    void aMissingMigrationsDirectoryIsAConfigurationError() {
        Cli cli = new Cli(db, "--schema", "s_nodir", "--dir", work.resolve("typo").toString(), "--config", noSettings());
        for (String command : List.of("migration:run", "migration:show", "migration:revert")) {
            Cli.Result result = cli.run(command);
            assertEquals(2, result.exitCode(), command + ": " + result);
            assertOneParagraph(result);
            assertTrue(result.err().contains(work.resolve("typo").toString()), result.toString());
        }
        assertFalse(Files.exists(work.resolve("typo")));
    }

    @Test
    void fakeRecordsWithoutRunning() throws Exception {
        Cli cli = cli("s_fake");
        create(cli, "Adopted", 1, "CREATE TABLE s_fake.adopted (id int)", "DROP TABLE s_fake.adopted");
        Cli.Result fake = cli.run("migration:run", "--fake");
        assertEquals(0, fake.exitCode(), fake.toString());
        assertTrue(fake.out().contains("Recorded V" + version(1) + "__Adopted"), fake.toString());
        assertFalse(tableExists(db, "s_fake", "adopted"), "--fake runs nothing");
        Cli.Result show = cli.run("migration:show");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[X] V" + version(1) + "__Adopted  applied"), show.toString());
        assertTrue(cli.run("migration:run").out().contains("No pending migrations"));
    }

    @Test
    void baselineAdoptsAnExistingDatabase() throws Exception {
        db.execute("CREATE SCHEMA s_base", "CREATE TABLE s_base.legacy (id int)");
        Cli cli = cli("s_base");
        create(cli, "Legacy", 1, "CREATE TABLE s_base.legacy (id int)", "DROP TABLE s_base.legacy");
        create(cli, "Legacy2", 2, "ALTER TABLE s_base.legacy ADD COLUMN b int", "ALTER TABLE s_base.legacy DROP COLUMN b");
        create(cli, "Next", 3, "CREATE TABLE s_base.next (id int)", "DROP TABLE s_base.next");

        Cli.Result unknown = cli.run("migration:baseline", "20200101000000");
        assertEquals(6, unknown.exitCode(), unknown.toString());
        assertOneParagraph(unknown);
        assertEquals(List.of(), history(db, "s_base", "gen_migrations"));

        Cli.Result baseline = cli.run("migration:baseline", "V" + version(2) + "__Legacy2");
        assertEquals(0, baseline.exitCode(), baseline.toString());
        assertTrue(baseline.out().contains("Recorded V" + version(1) + "__Legacy")
                && baseline.out().contains("Recorded V" + version(2) + "__Legacy2"), baseline.toString());
        assertEquals(List.of("id"), Scenario.query(db, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 's_base' AND table_name = 'legacy'"), "baseline runs nothing");

        Cli.Result run = cli.run("migration:run");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Applied V" + version(3) + "__Next") && !run.out().contains("Legacy"),
                run.toString());
        assertTrue(tableExists(db, "s_base", "next"));
    }

    @Test
    void transactionAllWithAFailingSecondMigrationAppliesNothing() throws Exception {
        Cli cli = cli("s_all");
        create(cli, "Good", 1, "CREATE TABLE s_all.good (id int)", "DROP TABLE s_all.good");
        create(cli, "Bad", 2, "CREATE TABLE s_all.bad (id int); INSERT INTO s_all.nowhere VALUES (1)",
                "DROP TABLE s_all.bad");

        Cli.Result run = cli.run("migration:run", "--transaction", "all");
        assertEquals(7, run.exitCode(), run.toString());
        assertOneParagraph(run);
        assertTrue(run.err().contains("V" + version(2) + "__Bad"), run.toString());
        assertTrue(run.err().contains("nowhere"), run.toString());
        assertFalse(tableExists(db, "s_all", "good"), "the whole run rolls back");
        assertFalse(tableExists(db, "s_all", "bad"));
        assertEquals(List.of(), history(db, "s_all", "gen_migrations"));
        Cli.Result show = cli.run("migration:show");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().contains("[ ] V" + version(1) + "__Good  pending"), show.toString());

        // Each (the default): the first commits, the second rolls back alone and leaves no history row.
        Cli.Result each = cli.run("migration:run");
        assertEquals(7, each.exitCode(), each.toString());
        assertTrue(tableExists(db, "s_all", "good"));
        assertFalse(tableExists(db, "s_all", "bad"));
        assertEquals(List.of(version(1)), history(db, "s_all", "gen_migrations"));

        Cli.Result bad = cli.run("migration:run", "--transaction", "sometimes");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertOneParagraph(bad);
    }

    @Test
    void aMigrationThatDoesNotCompileRunsNothing() throws Exception {
        Cli cli = cli("s_broken");
        create(cli, "Fine", 1, "CREATE TABLE s_broken.fine (id int)", "DROP TABLE s_broken.fine");
        Path broken = create(cli, "Broken", 2, "SELECT 1", "SELECT 1");
        Files.writeString(broken, Files.readString(broken).replace("ctx.execute(\"SELECT 1\");", "ctx.execute(\"SELECT 1\")"));
        Cli.Result run = cli.run("migration:run");
        assertEquals(6, run.exitCode(), run.toString());
        assertOneParagraph(run);
        assertTrue(run.err().contains("V" + version(2) + "__Broken.java"), run.toString());
        assertFalse(tableExists(db, "s_broken", "fine"));
        assertEquals(List.of(), history(db, "s_broken", "gen_migrations"));
    }
}
