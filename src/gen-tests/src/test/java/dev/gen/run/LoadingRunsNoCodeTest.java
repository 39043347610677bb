package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, listing, validating and checksumming never execute migration code; checksums come from the source. */
class LoadingRunsNoCodeTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("no_code");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
        dir = emptyDir(temp, "generated");
    }

    private static String states(List<MigrationStatus> status) {
        return status.stream().map(s -> s.id().version() + ":" + s.state()).collect(Collectors.joining(" "));
    }

    private void write(String className, String body) {
        MigrationSourceWriter.write(dir.resolve(className + ".java"), String.join("\n",
                "import dev.gen.api.*;",
                "public class " + className + " implements Migration {",
                body,
                "    public void down(MigrationContext ctx) { }",
                "}"));
    }

    @Test
    void exitAndEndlessLoopInMigrationsDoNotAffectStatusOrValidation() {
        migration("V20260101000001__First").up("CREATE TABLE first (id int)").writeTo(dir);
        write("V20260101000002__Exits", "    static { if (Boolean.getBoolean(\"never.set\") == false) System.exit(0); }\n"
                + "    public void up(MigrationContext ctx) { System.exit(0); }");
        write("V20260101000003__Loops", "    public void up(MigrationContext ctx) { while (true) { Thread.onSpinWait(); } }");

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals("20260101000001:PENDING 20260101000002:PENDING 20260101000003:PENDING",
                    states(migrations(db, dir).status()));
            // A run up to the first validates and checksums all three, and executes only the first.
            RunResult result = migrations(db, dir, RunOptions.defaults().withTarget("20260101000001")).run();
            assertEquals(1, result.applied().size());
            assertEquals("20260101000001:APPLIED 20260101000002:PENDING 20260101000003:PENDING",
                    states(migrations(db, dir).status()));
        });
        assertEquals(List.of("20260101000001:true"), history(db));
    }

    @Test
    void aMigrationThatComputesValuesAtRunTimeStaysApplied() {
        write("V20260101000001__Uuid", "    public void up(MigrationContext ctx) throws java.sql.SQLException {\n"
                + "        ctx.execute(\"CREATE TABLE tokens (t text, at timestamptz)\");\n"
                + "        ctx.execute(\"INSERT INTO tokens VALUES ('\" + java.util.UUID.randomUUID() + \"', '\"\n"
                + "                + java.time.Instant.now() + \"')\");\n"
                + "    }");
        migrations(db, dir).run();

        assertEquals("20260101000001:APPLIED", states(migrations(db, dir).status()));
        assertTrue(migrations(db, dir).run().applied().isEmpty(), "not edited, nothing to run");
        assertEquals(1, strings(db, "SELECT t FROM tokens").size());
    }

    @Test
    void aRowWrittenUnderTheFormerRuleIsAcceptedAndUpgraded() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migrations(db, dir).run();
        String current = strings(db, "SELECT checksum FROM gen_migrations").get(0);
        db.execute("UPDATE gen_migrations SET checksum = repeat('ab', 32)");

        assertEquals("20260101000001:APPLIED", states(migrations(db, dir).status()));
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);
        assertEquals(1, migrations(db, dir).run().applied().size());

        assertEquals(List.of(current), strings(db, "SELECT checksum FROM gen_migrations WHERE version = '20260101000001'"),
                "rewritten under the current rule, and verified from now on");
    }

    @Test
    void aThrowingStaticInitializerIsNamedWithItsCauseAndExitsSix() {
        migration("V20260101000001__First").up("CREATE TABLE first (id int)").writeTo(dir);
        write("V20260101000002__Broken", "    static final int LIMIT = Integer.parseInt(\"not a number\");\n"
                + "    public void up(MigrationContext ctx) throws java.sql.SQLException {\n"
                + "        ctx.execute(\"CREATE TABLE broken (id int)\");\n"
                + "    }");

        assertEquals("20260101000001:PENDING 20260101000002:PENDING", states(migrations(db, dir).status()));
        MigrationException failure = assertThrows(MigrationException.class, () -> migrations(db, dir).run());
        assertFalse(failure instanceof MigrationFailedException, failure.toString());
        String message = failure.getMessage();
        assertTrue(message.startsWith("Migration V20260101000002__Broken ("), message);
        assertTrue(message.contains("its static initializer threw java.lang.NumberFormatException: For input string:"
                + " \"not a number\""), message);
        assertEquals(List.of(), history(db), "checked before anything ran");

        Cli.Result cli = new Cli(db, "--dir", dir.toString()).run("migration:run");
        assertEquals(6, cli.exitCode(), cli.toString());
        assertTrue(cli.err().contains("V20260101000002__Broken") && cli.err().contains("NumberFormatException"),
                cli.toString());
    }
}
