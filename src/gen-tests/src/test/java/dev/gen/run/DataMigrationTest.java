package dev.gen.run;

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java data migrations use the JDBC connection of their own transaction, which commits with the history record. */
class DataMigrationTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("datamig");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
        dir = emptyDir(temp, "generated");
        MigrationSourceWriter.migration("V20260101000001__CreateUsers")
                .up("CREATE TABLE users (id bigint PRIMARY KEY, email text, domain text)",
                        "INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.org')")
                .down("DROP TABLE users").writeTo(dir);
    }

    /** A data migration: reads rows and writes each one back with bind parameters. */
    private void writeBackfill(String upExtra) {
        MigrationSourceWriter.write(dir.resolve("V20260101000002__FillDomain.java"), """
                import dev.gen.api.Migration;
                import dev.gen.api.MigrationContext;
                import java.sql.*;

                public class V20260101000002__FillDomain implements Migration {
                    @Override
                    public void up(MigrationContext ctx) throws SQLException {
                        Connection c = ctx.connection();
                        try (Statement read = c.createStatement();
                                ResultSet rows = read.executeQuery("SELECT id, email FROM users ORDER BY id");
                                PreparedStatement write = c.prepareStatement("UPDATE users SET domain = ? WHERE id = ?")) {
                            while (rows.next()) {
                                String email = rows.getString(2);
                                write.setString(1, email.substring(email.indexOf('@') + 1));
                                write.setLong(2, rows.getLong(1));
                                write.executeUpdate();
                            }
                        }
                        ctx.execute("CREATE INDEX users_domain ON users (domain)");
                        %s
                    }

                    @Override
                    public void down(MigrationContext ctx) throws SQLException {
                        ctx.execute("DROP INDEX users_domain");
                        try (PreparedStatement clear = ctx.connection().prepareStatement("UPDATE users SET domain = ?")) {
                            clear.setNull(1, Types.VARCHAR);
                            clear.executeUpdate();
                        }
                    }
                }
                """.formatted(upExtra));
    }

    @Test
    void aDataMigrationRunsItsCodeOnTheConnectionInItsTransactionAndReverts() {
        writeBackfill("");

        RunResult result = migrations(db, dir).run();

        assertEquals(2, result.applied().size());
        assertEquals(List.of("example.com", "example.org"), strings(db, "SELECT domain FROM users ORDER BY id"));
        assertEquals(List.of("users_domain"), strings(db, "SELECT indexname::text FROM pg_indexes WHERE indexname = 'users_domain'"));
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
        // applied and unchanged: validated by the checksum of its class, nothing left to run
        assertEquals(0, migrations(db, dir).run().applied().size());

        migrations(db, dir).revert(1);

        assertEquals(List.of(), strings(db, "SELECT domain FROM users WHERE domain IS NOT NULL"));
        assertEquals(List.of("20260101000001:true"), history(db));
    }

    @Test
    void aFailingDataMigrationLeavesNoTraceOfItsWork() {
        writeBackfill("throw new IllegalStateException(\"no domain for row 3\");");

        MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());

        assertTrue(failed.getMessage().contains("no domain for row 3"), failed.getMessage());
        assertEquals(List.of(), strings(db, "SELECT domain FROM users WHERE domain IS NOT NULL"));
        assertEquals(List.of("20260101000001:true"), history(db));
        assertTrue(tableExists(db, "users"));
    }

    @Test
    void theMigrationCannotCommitTheRunnersTransaction() {
        writeBackfill("ctx.connection().commit();");

        MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());

        assertTrue(failed.getMessage().contains("Connection.commit()"), failed.getMessage());
        assertEquals(List.of(), strings(db, "SELECT domain FROM users WHERE domain IS NOT NULL"));
        assertEquals(List.of("20260101000001:true"), history(db));
    }

    @Test
    void editingTheCodeOfAnAppliedDataMigrationIsDetected() {
        writeBackfill("");
        migrations(db, dir).run();

        writeBackfill("ctx.execute(\"UPDATE users SET domain = lower(domain)\");");
        MigrationValidationException refused = assertThrows(MigrationValidationException.class,
                () -> migrations(db, dir).run());

        assertTrue(refused.getMessage().contains("V20260101000002__FillDomain") && refused.getMessage().contains("edited"),
                refused.getMessage());
        assertFalse(migrations(db, dir).status().isEmpty());
    }
}
