package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.columns;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.runnerLocksHeld;
import static dev.gen.run.RunnerTestSupport.strings;
import static dev.gen.run.RunnerTestSupport.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("run");
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

    @Test
    void appliesPendingMigrationsInVersionOrderAndRecordsThem() {
        // Written newest first: the order must come from the versions, not from the file system.
        migration("V20260101000003__AddEmail").up("ALTER TABLE users ADD COLUMN email text").down("ALTER TABLE users DROP COLUMN email").writeTo(dir);
        migration("V20260101000001__CreateUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").down("DROP TABLE users").writeTo(dir);
        migration("V20260101000002__AddName").up("ALTER TABLE users ADD COLUMN name text").down("ALTER TABLE users DROP COLUMN name").writeTo(dir);

        RunResult result = migrations(db, dir).run();

        assertEquals(List.of("V20260101000001__CreateUsers", "V20260101000002__AddName", "V20260101000003__AddEmail"),
                result.applied().stream().map(a -> a.id().toString()).toList());
        assertFalse(result.recordedOnly());
        assertEquals(List.of("id", "name", "email"), columns(db, "users"));
        assertEquals(List.of("20260101000001:true", "20260101000002:true", "20260101000003:true"), history(db));
        assertEquals(List.of("CreateUsers|postgres"), strings(db, "SELECT name || '|' || applied_by FROM gen_migrations"
                + " WHERE version = '20260101000001' AND applied_at > now() - interval '1 hour'"));
        String checksum = strings(db, "SELECT checksum FROM gen_migrations WHERE version = '20260101000001'").get(0);
        // The rule's prefix, then SHA-256 over the normalised source (see Checksums).
        assertTrue(checksum.matches("src1:[0-9a-f]{64}"), checksum);
    }

    @Test
    void secondRunAppliesNothing() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").down("DROP TABLE a").writeTo(dir);
        migrations(db, dir).run();

        RunResult again = migrations(db, dir).run();

        assertTrue(again.applied().isEmpty());
        assertEquals(List.of("20260101000001:true"), history(db));
    }

    @Test
    void failedMigrationLeavesNoTraceAndTheFixedFileAppliesLater() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)", "INSERT INTO no_such_table VALUES (1)").writeTo(dir);

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());

        assertEquals("V20260101000002__CreateB", failure.migration().toString());
        assertEquals("42P01", failure.sqlState());
        String message = failure.getMessage();
        assertTrue(message.contains("Migration V20260101000002__CreateB failed at statement 2"), message);
        assertTrue(message.contains("INSERT INTO no_such_table VALUES (1)"), message);
        assertTrue(message.contains("relation \"no_such_table\" does not exist"), message);
        assertTrue(message.contains("SQLState 42P01"), message);
        assertTrue(message.contains("rolled back together with its history record"), message);
        assertFalse(message.contains("\n"), "one paragraph: " + message);
        assertEquals(List.of("V20260101000001__CreateA"), failure.completed().stream().map(e -> e.id().toString()).toList());
        assertTrue(tableExists(db, "a"));
        assertFalse(tableExists(db, "b"), "the failed migration's first statement must be rolled back");
        assertEquals(List.of("20260101000001:true"), history(db));
        assertEquals(0, runnerLocksHeld(db), "the lock is released after a failure");

        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)", "INSERT INTO b VALUES (1)").writeTo(dir);
        RunResult fixed = migrations(db, dir).run();

        assertEquals(List.of("V20260101000002__CreateB"), fixed.applied().stream().map(a -> a.id().toString()).toList());
        assertEquals(List.of("1"), strings(db, "SELECT id::text FROM b"));
    }

    @Test
    void advisoryLockIsReleasedAfterTheRun() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migrations(db, dir).run();
        assertEquals(0, runnerLocksHeld(db));
    }

    @Test
    void historyTableNameAndSchemaAreConfigurableAndQuoted() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        RunOptions options = RunOptions.defaults().withHistoryTable("Odd \"Schema\"", "hist-Table; DROP");

        assertEquals(1, migrations(db, dir, options).run().applied().size());
        assertEquals(List.of("20260101000001"), strings(db, "SELECT version FROM \"Odd \"\"Schema\"\"\".\"hist-Table; DROP\""));
        assertTrue(migrations(db, dir, options).run().applied().isEmpty());
        assertFalse(tableExists(db, "gen_migrations"));
    }

    @Test
    void fakeRecordsWithoutRunning() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);

        RunResult result = migrations(db, dir, RunOptions.defaults().withFake(true)).run();

        assertTrue(result.recordedOnly());
        assertEquals(2, result.applied().size());
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
        assertFalse(tableExists(db, "a"));
        assertFalse(tableExists(db, "b"));
    }

    @Test
    void baselineRecordsUpToTheVersionAndTheRunAppliesTheRest() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);
        migration("V20260101000003__CreateC").up("CREATE TABLE c (id int)").writeTo(dir);

        RunResult baseline = migrations(db, dir).baseline("20260101000002");
        assertEquals(2, baseline.applied().size());
        RunResult run = migrations(db, dir).run();

        assertEquals(List.of("V20260101000003__CreateC"), run.applied().stream().map(a -> a.id().toString()).toList());
        assertFalse(tableExists(db, "a"));
        assertFalse(tableExists(db, "b"));
        assertTrue(tableExists(db, "c"));
        MigrationException unknown = assertThrows(MigrationException.class, () -> migrations(db, dir).baseline("20990101000000"));
        assertTrue(unknown.getMessage().contains("has no migration with that version"), unknown.getMessage());
    }

    @Test
    void targetStopsAtTheGivenVersion() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);

        migrations(db, dir, RunOptions.defaults().withTarget("20260101000001")).run();

        assertEquals(List.of("20260101000001:true"), history(db));
        assertFalse(tableExists(db, "b"));
    }

    @Test
    void modeAllRefusesNonTransactionalMigrationsBeforeRunningAnything() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__IndexA").up("CREATE INDEX CONCURRENTLY a_id ON a (id)").nonTransactional().writeTo(dir);

        MigrationValidationException refused = assertThrows(MigrationValidationException.class,
                () -> migrations(db, dir, RunOptions.defaults().withTransactionMode(TransactionMode.ALL)).run());

        assertTrue(refused.getMessage().contains("Transaction mode ALL"), refused.getMessage());
        assertTrue(refused.getMessage().contains("V20260101000002__IndexA declares transactional() false"), refused.getMessage());
        assertFalse(tableExists(db, "a"));
        assertEquals(List.of(), history(db));
    }

    @Test
    void modeAllRollsBackTheWholeRunOnFailure() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__Broken").up("SELECT 1 / 0").writeTo(dir);
        RunOptions all = RunOptions.defaults().withTransactionMode(TransactionMode.ALL);

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrations(db, dir, all).run());

        assertTrue(failure.getMessage().contains("no migration was applied"), failure.getMessage());
        assertTrue(failure.completed().isEmpty());
        assertFalse(tableExists(db, "a"));
        assertEquals(List.of(), history(db));

        migration("V20260101000002__Broken").up("SELECT 1").writeTo(dir);
        assertEquals(2, migrations(db, dir, all).run().applied().size());
        assertTrue(tableExists(db, "a"));
    }

    @Test
    void statementTimeoutOfTheRunCancelsALongStatement() {
        migration("V20260101000001__Slow").up("SELECT pg_sleep(5)").writeTo(dir);

        MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                () -> migrations(db, dir, RunOptions.defaults().withStatementTimeout("200ms")).run());

        assertEquals("57014", failure.sqlState());
        assertTrue(failure.getMessage().contains("statement timeout"), failure.getMessage());
        assertEquals(List.of(), history(db));
    }
}
