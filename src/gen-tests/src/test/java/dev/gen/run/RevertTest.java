package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.runnerLocksHeld;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevertTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("revert");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void threeAppliedMigrations() {
        RunnerTestSupport.reset(db);
        dir = emptyDir(temp, "generated");
        for (String t : List.of("a", "b", "c", "d")) {
            int n = "abcd".indexOf(t) + 1;
            migration("V2026010100000" + n + "__Create" + t.toUpperCase()).up("CREATE TABLE " + t + " (id int)")
                    .down("DROP TABLE " + t).writeTo(dir);
        }
        migrations(db, dir).run();
    }

    private static List<String> ids(RevertResult result) {
        return result.reverted().stream().map(r -> r.id().toString()).toList();
    }

    @Test
    void revertsTheLatestThenACountThenToAVersion() {
        assertEquals(List.of("V20260101000004__CreateD"), ids(migrations(db, dir).revert(1)));
        assertFalse(tableExists(db, "d"));
        assertEquals(3, history(db).size());

        assertEquals(List.of("V20260101000003__CreateC", "V20260101000002__CreateB"), ids(migrations(db, dir).revert(2)));
        assertFalse(tableExists(db, "c"));
        assertFalse(tableExists(db, "b"));
        assertEquals(List.of("20260101000001:true"), history(db));

        assertEquals(3, migrations(db, dir).run().applied().size(), "reverted migrations are pending again");
        assertEquals(List.of("V20260101000004__CreateD", "V20260101000003__CreateC"),
                ids(migrations(db, dir).revertTo("20260101000002")));
        assertTrue(tableExists(db, "b"));
        assertFalse(tableExists(db, "c"));
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
        assertEquals(0, runnerLocksHeld(db));
    }

    @Test
    void revertToAVersionThatIsNotAppliedIsRefused() {
        MigrationValidationException refused = assertThrows(MigrationValidationException.class,
                () -> migrations(db, dir).revertTo("20250101000000"));
        assertTrue(refused.getMessage().contains("no applied migration has that version"), refused.getMessage());
        assertEquals(4, history(db).size());
    }

    @Test
    void revertingAMigrationWhoseSourceIsMissingIsRefused() throws IOException {
        Files.delete(dir.resolve("V20260101000004__CreateD.java"));

        MigrationValidationException refused = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).revert(1));

        assertTrue(refused.getMessage().contains("Cannot revert migration V20260101000004__CreateD: its source is missing"),
                refused.getMessage());
        assertTrue(tableExists(db, "d"));
        assertEquals(4, history(db).size());
    }

    @Test
    void revertingAnEditedMigrationIsRefused() {
        migration("V20260101000004__CreateD").up("CREATE TABLE d (id bigint)").down("DROP TABLE d").writeTo(dir);

        MigrationValidationException refused = assertThrows(MigrationValidationException.class, () -> migrations(db, dir).revert(2));

        assertTrue(refused.getMessage().contains("edited after it ran"), refused.getMessage());
        assertTrue(tableExists(db, "c"), "nothing was reverted, not even the unedited migration");
        assertTrue(tableExists(db, "d"));
    }

    @Test
    void failingDownIsRolledBackWithItsRecordKept() {
        migration("V20260101000005__Irreversible").up("CREATE TABLE e (id int)").irreversible("drops data").writeTo(dir);
        migration("V20260101000006__BadDown").up("CREATE TABLE f (id int)").down("DROP TABLE f", "DROP TABLE nope").writeTo(dir);
        migrations(db, dir).run();

        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).revert(1));
        assertTrue(failure.getMessage().contains("Reverting migration V20260101000006__BadDown (its down) failed at statement 2"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("stays applied"), failure.getMessage());
        assertTrue(tableExists(db, "f"));
        assertEquals(6, history(db).size());

        migration("V20260101000006__BadDown").up("CREATE TABLE f (id int)").down("DROP TABLE f").writeTo(dir);
        migrations(db, dir).repair();
        migrations(db, dir).revert(1);
        // down() runs only when reverting (loading never runs migration code): its exception stops the revert
        // before any statement, and the migration stays applied.
        MigrationFailedException irreversible = assertThrows(MigrationFailedException.class,
                () -> migrations(db, dir).revert(1));
        assertTrue(irreversible.getMessage().contains("Reverting migration V20260101000005__Irreversible (its down) was"
                + " stopped"), irreversible.getMessage());
        assertTrue(irreversible.getMessage().contains("its down() threw java.lang.UnsupportedOperationException: drops data"
                + " before issuing any statement"), irreversible.getMessage());
        assertTrue(irreversible.getMessage().contains("stays applied"), irreversible.getMessage());
        assertTrue(tableExists(db, "e"));
        assertEquals(5, history(db).size(), "001 to 005 stay recorded");
    }
}
