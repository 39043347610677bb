package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.strings;
import static dev.gen.run.RunnerTestSupport.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("validation");
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

    @Test
    void reformattingTheSourceKeepsTheChecksumButEditingAStatementChangesIt() throws IOException {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migrations(db, dir).run();
        // The same code, formatted differently: comments, blank lines, other indentation and line breaks.
        MigrationSourceWriter.write(dir.resolve("V20260101000001__CreateA.java"), String.join("\n",
                "import dev.gen.api.Migration; import dev.gen.api.MigrationContext;",
                "import java.sql.SQLException;",
                "/** reformatted */",
                "public class V20260101000001__CreateA implements Migration {",
                "  @Override public void up(MigrationContext ctx)",
                "      throws SQLException {",
                "",
                "      // the same statement",
                "      ctx.execute( \"CREATE TABLE a (id int)\" ) ; /* still */",
                "  }",
                "  @Override",
                "  public void down(MigrationContext ctx) throws SQLException {}",
                "}"));

        assertEquals("20260101000001:APPLIED", states(migrations(db, dir).status()));
        assertTrue(migrations(db, dir).run().applied().isEmpty());

        migration("V20260101000001__CreateA").up("CREATE TABLE a (id bigint)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);

        assertEquals("20260101000001:CHECKSUM_MISMATCH 20260101000002:PENDING", states(migrations(db, dir).status()));
        MigrationValidationException refused = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).run());
        String message = refused.getMessage();
        assertTrue(message.contains("Migration V20260101000001__CreateA"), message);
        assertTrue(message.contains("edited after it ran"), message);
        assertTrue(message.contains("Revert the edit"), message);
        assertTrue(message.contains("Nothing was executed."), message);
        assertFalse(tableExists(db, "b"), "the pending migration must not run");
        assertEquals(List.of("20260101000001:true"), history(db));
        // Files.readString only to show the edit is real and on disk.
        assertTrue(Files.readString(dir.resolve("V20260101000001__CreateA.java")).contains("bigint"));
    }

    @Test
    void repairAcceptsTheEditedChecksum() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migrations(db, dir).run();
        migration("V20260101000001__CreateA").up("CREATE TABLE IF NOT EXISTS a (id int)").writeTo(dir);

        RepairResult repair = migrations(db, dir).repair();

        assertEquals("[V20260101000001__CreateA]", repair.realignedChecksums().toString());
        assertEquals("20260101000001:APPLIED", states(migrations(db, dir).status()));
        assertTrue(migrations(db, dir).run().applied().isEmpty());
    }

    @Test
    void appliedMigrationMissingFromTheSourceStopsTheRun() throws IOException {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);
        migrations(db, dir).run();
        Files.delete(dir.resolve("V20260101000001__CreateA.java"));
        migration("V20260101000003__CreateC").up("CREATE TABLE c (id int)").writeTo(dir);

        assertEquals("20260101000001:MISSING 20260101000002:APPLIED 20260101000003:PENDING",
                states(migrations(db, dir).status()));
        MigrationValidationException refused = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).run());
        assertTrue(refused.getMessage().contains("V20260101000001__CreateA was applied on"), refused.getMessage());
        assertTrue(refused.getMessage().contains("is missing from directory"), refused.getMessage());
        assertFalse(tableExists(db, "c"));
    }

    @Test
    void olderPendingMigrationIsRefusedUnlessOutOfOrderIsAllowed() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        migration("V20260101000003__CreateC").up("CREATE TABLE c (id int)").writeTo(dir);
        migrations(db, dir).run();
        migration("V20260101000002__CreateB").up("CREATE TABLE b (id int)").writeTo(dir);

        assertEquals("20260101000001:APPLIED 20260101000002:OUT_OF_ORDER 20260101000003:APPLIED",
                states(migrations(db, dir).status()));
        MigrationValidationException refused = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).run());
        assertTrue(refused.getMessage().contains("V20260101000002__CreateB is pending but older than V20260101000003__CreateC"),
                refused.getMessage());
        assertFalse(tableExists(db, "b"));

        RunResult allowed = migrations(db, dir, RunOptions.defaults().withOutOfOrder(true)).run();

        assertEquals("[V20260101000002__CreateB]", allowed.applied().stream().map(ExecutedMigration::id).toList().toString());
        assertTrue(tableExists(db, "b"));
    }

    @Test
    void statusWithoutHistoryTableShowsAllPendingAndCreatesNothing() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);

        List<MigrationStatus> status = migrations(db, dir).status();

        assertEquals("20260101000001:PENDING", states(status));
        assertTrue(status.get(0).origin().endsWith("V20260101000001__CreateA.java"));
        assertEquals(List.of(), strings(db, "SELECT 1 FROM pg_class WHERE relname = 'gen_migrations'"));
    }
}
