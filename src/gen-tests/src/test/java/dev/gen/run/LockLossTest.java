package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.factory;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner that loses its lock session stops before committing, and a second runner never applies twice. */
class LockLossTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("lock_loss");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
        dir = emptyDir(temp, "generated");
        db.execute("CREATE TABLE effects (n int)");
    }

    @AfterEach
    void stopRunners() {
        pool.shutdownNow();
        RunnerTestSupport.terminateOtherSessions(db);
    }

    /** The runner's idle lock session: it holds the session-level advisory lock of the default history table. */
    private static String lockSessionPid() {
        long key = AdvisoryLock.keyFor(Sql.qualified(RunOptions.DEFAULT_SCHEMA, RunOptions.DEFAULT_TABLE));
        List<String> pids = strings(db, "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND classid::bigint = ? AND objid::bigint = ?", key >>> 32, key & 0xFFFF_FFFFL);
        return pids.isEmpty() ? null : pids.get(0);
    }

    private static void awaitStatement(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (strings(db, "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND query LIKE ?", "%" + fragment + "%").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the migration never started " + fragment);
            Thread.sleep(20);
        }
    }

    @Test
    void losingTheLockDuringTheLastStatementRollsBackBeforeCommitAndTheNextRunnerAppliesItOnce() throws Exception {
        migration("V20260101000001__Slow").up("INSERT INTO effects VALUES (1)", "SELECT pg_sleep(1.5)").writeTo(dir);
        migration("V20260101000002__Next").up("INSERT INTO effects VALUES (2)").writeTo(dir);
        MigrationSource loaded = MigrationSource.of(dev.gen.compile.MigrationSources.directory(dir).load());

        Future<RunResult> first = pool.submit(() -> new Migrations(factory(db), loaded, RunOptions.defaults()).run());
        awaitStatement("pg_sleep(1.5)");
        String pid = lockSessionPid();
        strings(db, "SELECT pg_terminate_backend(?::int)::text", pid);
        // The second runner gets the session lock at once, but must not run the migration the first one still runs.
        Future<RunResult> second = pool.submit(() -> new Migrations(factory(db), loaded, RunOptions.defaults()).run());

        ExecutionException lost = assertThrows(ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
        assertTrue(lost.getCause() instanceof LockLostException, String.valueOf(lost.getCause()));
        String message = lost.getCause().getMessage();
        assertTrue(message.contains("The migration lock on \"public\".\"gen_migrations\" was lost"), message);
        assertTrue(message.contains("Migration V20260101000001__Slow was rolled back and not recorded."), message);
        assertTrue(!message.contains("pg_terminate_backend"), message);

        RunResult result = second.get(60, TimeUnit.SECONDS);
        assertEquals(List.of("V20260101000001__Slow", "V20260101000002__Next"),
                result.applied().stream().map(a -> a.id().toString()).toList());
        assertEquals(List.of("1", "2"), strings(db, "SELECT n::text FROM effects ORDER BY n"), "each applied once");
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
    }

    @Test
    void losingTheLockBetweenStatementsStopsALongMigrationBeforeItsNextStatement() throws Exception {
        migration("V20260101000001__Steps").up("INSERT INTO effects VALUES (1)", "SELECT pg_sleep(1.2)",
                "INSERT INTO effects VALUES (2)", "SELECT pg_sleep(1.2)").writeTo(dir);

        Future<RunResult> first = pool.submit(() -> RunnerTestSupport.migrations(db, dir).run());
        awaitStatement("pg_sleep(1.2)");
        strings(db, "SELECT pg_terminate_backend(?::int)::text", lockSessionPid());

        ExecutionException lost = assertThrows(ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
        assertTrue(lost.getCause() instanceof LockLostException, String.valueOf(lost.getCause()));
        assertEquals(List.of(), strings(db, "SELECT n::text FROM effects"), "rolled back");
        assertEquals(List.of(), history(db), "no history row");
    }

    @Test
    void losingTheLockDuringALongStatementCancelsItAndExitsEight() throws Exception {
        migration("V20260101000001__VeryLong").up("INSERT INTO effects VALUES (1)", "SELECT pg_sleep(30)").writeTo(dir);

        Future<Cli.Result> first = pool.submit(() -> new Cli(db, "--dir", dir.toString()).run("migration:run"));
        awaitStatement("pg_sleep(30)");
        long start = System.nanoTime();
        strings(db, "SELECT pg_terminate_backend(?::int)::text", lockSessionPid());

        Cli.Result result = first.get(60, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15,
                "the statement was cancelled, not waited for: " + result);
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.err().contains("was lost") && result.err().contains("rolled back and not recorded"),
                result.toString());
        assertEquals(List.of(), strings(db, "SELECT n::text FROM effects"), "rolled back");
        assertEquals(List.of(), history(db), "no history row");
    }

    @Test
    void aWaitingRunnerSaysWhoHoldsTheLock() throws Exception {
        migration("V20260101000001__A").up("INSERT INTO effects VALUES (1)").writeTo(dir);
        long key = AdvisoryLock.keyFor(Sql.qualified(RunOptions.DEFAULT_SCHEMA, RunOptions.DEFAULT_TABLE));
        try (Connection holder = db.connect()) {
            RunnerTestSupport.execute(holder, "SET application_name = 'holder-app'");
            int holderPid;
            try (PreparedStatement s = holder.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    holderPid = r.getInt(2);
                }
            }
            List<String> notices = new CopyOnWriteArrayList<>();
            RunOptions options = RunOptions.defaults().withLockWait(Duration.ofSeconds(1)).withNotices(notices::add);

            assertThrows(LockTimeoutException.class, () -> RunnerTestSupport.migrations(db, dir, options).run());

            assertEquals(1, notices.size(), notices.toString());
            String line = notices.get(0);
            assertTrue(line.startsWith("Waiting up to 1s for the migration lock on \"public\".\"gen_migrations\", held by"
                    + " pid " + holderPid + " (application 'holder-app'"), line);
            assertTrue(line.contains("client "), line);
        }
        assertEquals(List.of(), strings(db, "SELECT n::text FROM effects"));
    }
}
