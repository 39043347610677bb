package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Transaction control inside a transactional migration is refused before it reaches the server. */
class TransactionControlTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("tx_control");
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
    void commitInsideATransactionalMigrationIsRefusedAndEverythingRollsBack() {
        for (String control : List.of("COMMIT", "end", "BEGIN", "START TRANSACTION", "ROLLBACK", "abort",
                "SELECT 1; /* hidden */ commit; SELECT 2", "-- a comment\nCOMMIT AND CHAIN")) {
            RunnerTestSupport.reset(db);
            emptyDir(temp, "generated");
            migration("V20260101000001__Commits").up("CREATE TABLE kept (id int)", control, "CREATE TABLE more (id int)")
                    .writeTo(dir);

            MigrationFailedException refused = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run(),
                    control);

            String message = refused.getMessage();
            assertTrue(message.startsWith("Migration V20260101000001__Commits was stopped at statement 2"), message);
            assertTrue(message.contains("gen refused the statement before it reached the server"), message);
            assertTrue(message.contains("It was rolled back together with its history record"), message);
            assertTrue(message.contains("make its transactional() return false"), message);
            assertFalse(tableExists(db, "kept"), control + ": the migration's first statement must be rolled back");
            assertFalse(tableExists(db, "more"));
            assertEquals(List.of(), history(db));
        }
    }

    @Test
    void keywordsInsideLiteralsBodiesCommentsAndSavepointsAreNotTransactionControl() {
        migration("V20260101000001__Fine").up(
                "CREATE TABLE \"commit\" (id int, note text)",
                "INSERT INTO \"commit\" VALUES (1, 'COMMIT; BEGIN'), (2, E'it\\'s; ROLLBACK')",
                "DO $body$ BEGIN PERFORM 1; END $body$",
                "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
                "/* COMMIT; */ SELECT 1 -- ; ROLLBACK",
                "SAVEPOINT s1", "INSERT INTO \"commit\" VALUES (3, 'x')", "ROLLBACK TO SAVEPOINT s1", "RELEASE s1")
                .writeTo(dir);

        assertEquals(1, migrations(db, dir).run().applied().size());
        assertEquals(List.of("1", "2"), RunnerTestSupport.strings(db, "SELECT id::text FROM \"commit\" ORDER BY id"));
    }

    @Test
    void aNonTransactionalMigrationMayUseTransactionControl() {
        migration("V20260101000001__Own").nonTransactional()
                .up("BEGIN", "CREATE TABLE own (id int)", "COMMIT").writeTo(dir);

        assertEquals(1, migrations(db, dir).run().applied().size());
        assertTrue(tableExists(db, "own"));
    }

    @Test
    void lexerFindsStatementBoundariesOutsideQuotesAndComments() {
        assertEquals("COMMIT", SqlText.transactionControl("select ';'; commit"));
        assertEquals("START TRANSACTION", SqlText.transactionControl("start transaction isolation level serializable"));
        assertEquals("PREPARE TRANSACTION", SqlText.transactionControl("PREPARE TRANSACTION 'x'"));
        assertEquals("ROLLBACK PREPARED", SqlText.transactionControl("ROLLBACK PREPARED 'x'"));
        assertNull(SqlText.transactionControl("SELECT $$; COMMIT$$, $a$ $$ ; END $a$"));
        assertNull(SqlText.transactionControl("SELECT \"a;\"\" COMMIT\" FROM t /* /* nested; */ COMMIT */"));
        assertNull(SqlText.transactionControl("SELECT $1; SELECT a$b FROM t"));
        assertNull(SqlText.transactionControl("PREPARE q AS SELECT 1"));
        assertNull(SqlText.transactionControl("ROLLBACK TO s"));
        assertEquals(List.of("SELECT", "BEGIN"), SqlText.leadingWords("select 1; begin").stream().map(w -> w[0]).toList());
    }
}
