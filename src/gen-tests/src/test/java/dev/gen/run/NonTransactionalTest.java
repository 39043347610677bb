package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
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

class NonTransactionalTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("nontx");
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
    void concurrentIndexRunsOutsideATransaction() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__IndexA").up("CREATE INDEX CONCURRENTLY a_id ON a (id)")
                .down("DROP INDEX CONCURRENTLY a_id").nonTransactional().writeTo(dir);

        assertEquals(2, migrations(db, dir).run().applied().size());

        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
        assertEquals(1, RunnerTestSupport.strings(db, "SELECT 1 FROM pg_index WHERE indexrelid = 'a_id'::regclass AND indisvalid").size());
    }

    @Test
    void concurrentIndexInATransactionalMigrationGetsAHint() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)", "CREATE INDEX CONCURRENTLY a_id ON a (id)").writeTo(dir);

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());

        assertEquals("25001", failure.sqlState());
        assertTrue(failure.getMessage().contains("make the migration's transactional() return false"), failure.getMessage());
        assertFalse(tableExists(db, "a"));
    }

    @Test
    void failedNonTransactionalMigrationIsRecordedAndBlocksUntilResolved() {
        migration("V20260101000001__CreateNt").up("CREATE TABLE nt (id int)", "SELECT 1 / 0").nonTransactional().writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());

        String message = failure.getMessage();
        assertTrue(message.contains("failed at statement 2 (SELECT 1 / 0)"), message);
        assertTrue(message.contains("division by zero"), message);
        assertTrue(message.contains("ran outside a transaction, so its first statement took effect and stays"), message);
        assertTrue(message.contains("recorded as failed"), message);
        assertTrue(tableExists(db, "nt"), "autocommit: the first statement stays");
        assertFalse(tableExists(db, "b"), "the run stops at the failure");
        assertEquals(List.of("20260101000001:false"), history(db));
        assertEquals(MigrationState.FAILED, migrations(db, dir).status().get(0).state());

        MigrationValidationException blocked = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).run());
        assertTrue(blocked.getMessage().contains("V20260101000001__CreateNt failed on"), blocked.getMessage());
        assertTrue(blocked.getMessage().contains("gen migration:repair"), blocked.getMessage());
        assertFalse(tableExists(db, "b"));

        // The user undoes the partial effect by hand, fixes the migration and resolves the failure.
        db.execute("DROP TABLE nt");
        migration("V20260101000001__CreateNt").up("CREATE TABLE nt (id int)").nonTransactional().writeTo(dir);
        assertEquals("[V20260101000001__CreateNt]", migrations(db, dir).resolveFailed().toString());

        assertEquals(2, migrations(db, dir).run().applied().size());
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
    }

    @Test
    void modeNoneCommitsEachStatementAndRecordsTheFailure() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__Broken").up("CREATE TABLE b (id int)", "SELECT 1 / 0").writeTo(dir);

        assertThrows(MigrationFailedException.class,
                () -> migrations(db, dir, RunOptions.defaults().withTransactionMode(TransactionMode.NONE)).run());

        assertTrue(tableExists(db, "b"));
        assertEquals(List.of("20260101000001:true", "20260101000002:false"), history(db));
    }
}
