package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.netproxy.LatencyProxy;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transactional migration's statements reach the server in batches of at most 100, each one round trip, and a
 * failure inside a batch still names its statement.
 */
class BatchedRunTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("batched");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
    }

    @Test
    void twoHundredFiftyStatementsCostThreeRoundTripsWhereOneCostsOne() {
        long one = roundTripsOfRun(1);
        RunnerTestSupport.reset(db);
        long many = roundTripsOfRun(250);
        assertEquals(250, Long.parseLong(strings(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_%'"
                + " AND relkind = 'r'").get(0)));
        System.out.println("migration:run round trips: 1 statement " + one + ", 250 statements " + many);
        assertTrue(many - one <= 2, "three batches instead of one statement: " + one + " vs " + many);
    }

    @Test
    void aFailureInsideABatchNamesItsStatementAndPostgresqlsError() {
        for (int failing : new int[] {1, 100, 101, 173, 250}) {
            RunnerTestSupport.reset(db);
            dir = emptyDir(temp, "failing-" + failing);
            List<String> statements = tables(250);
            statements.set(failing - 1, "INSERT INTO no_such_table VALUES (" + failing + ")");
            migration("V20260101000001__Many").up(statements.toArray(String[]::new)).writeTo(dir);

            MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                    () -> RunnerTestSupport.migrations(db, dir).run());

            String message = failure.getMessage();
            // the runner runs migrations as they issue statements, so it names the statement's number, not a total
            assertTrue(message.contains("failed at statement " + failing + " ("), message);
            assertTrue(message.contains("INSERT INTO no_such_table VALUES (" + failing + ")"), message);
            assertTrue(message.contains("relation \"no_such_table\" does not exist"), message);
            assertEquals("42P01", failure.sqlState());
            assertEquals(List.of("0"), strings(db, "SELECT count(*)::text FROM pg_class WHERE relname LIKE 't\\_%'"),
                    "the statements before the failure are rolled back");
            assertEquals(List.of(), history(db));
        }
    }

    /** Round trips of one run of a migration of {@code count} statements, counted at the connection. */
    private long roundTripsOfRun(int count) {
        dir = emptyDir(temp, "run-" + count);
        migration("V20260101000001__Many").up(tables(count).toArray(String[]::new)).writeTo(dir);
        try (LatencyProxy proxy = LatencyProxy.inFrontOf(db.jdbcUrl(), Duration.ZERO)) {
            Migrations migrations = new Migrations(
                    ConnectionFactory.of(proxy.jdbcUrl(db.jdbcUrl()), db.user(), db.password()),
                    dev.gen.compile.MigrationSources.directory(dir), RunOptions.defaults());
            assertEquals(1, migrations.run().applied().size());
            return proxy.roundTrips();
        }
    }

    private static List<String> tables(int count) {
        List<String> statements = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            statements.add("CREATE TABLE t_" + i + " (id int)");
        }
        return statements;
    }
}
