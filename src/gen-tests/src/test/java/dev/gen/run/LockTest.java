package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.columns;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.execute;
import static dev.gen.run.RunnerTestSupport.factory;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("lock");
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
    void parallelRunnersApplyEachMigrationExactlyOnce() throws Exception {
        for (int i = 1; i <= 5; i++) {
            // CREATE TABLE without IF NOT EXISTS: a second application would fail.
            migration("V2026010100000" + i + "__Create" + i).up("CREATE TABLE t" + i + " (id int)", "SELECT pg_sleep(0.05)")
                    .writeTo(dir);
        }
        MigrationSource loaded = MigrationSource.of(dev.gen.compile.MigrationSources.directory(dir).load());
        int runners = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RunResult>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return new Migrations(factory(db), loaded, RunOptions.defaults()).run();
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<RunResult> result : results) {
                applied += result.get(60, TimeUnit.SECONDS).applied().size();
            }
            assertEquals(5, applied, "every migration applied once in total");
        } finally {
            pool.shutdownNow();
            RunnerTestSupport.terminateOtherSessions(db);
        }
        assertEquals(5, history(db).size());
        for (int i = 1; i <= 5; i++) {
            assertTrue(tableExists(db, "t" + i));
        }
        assertEquals(0, runnerLocksHeld(db));
    }

    @Test
    void lockTimeoutNamesTheSessionHoldingTheLock() throws Exception {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        long key = AdvisoryLock.keyFor(Sql.qualified("public", "gen_migrations"));
        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'holder-of-the-lock'");
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            int pid;
            try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                pid = r.getInt(1);
            }
            long started = System.nanoTime();

            LockTimeoutException timeout = assertThrows(LockTimeoutException.class,
                    () -> migrations(db, dir, RunOptions.defaults().withLockWait(Duration.ofMillis(400))).run());

            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            String message = timeout.getMessage();
            assertTrue(message.contains("Timed out after 400ms"), message);
            assertTrue(message.contains("pid " + pid), message);
            assertTrue(message.contains("holder-of-the-lock"), message);
            assertTrue(message.contains("connected since"), message);
            assertTrue(waitedMs >= 400 && waitedMs < 10_000, "waited " + waitedMs + " ms");
            assertFalse(tableExists(db, "a"));
        }
        // The holder's session ended, so its lock went with it.
        assertEquals(1, migrations(db, dir).run().applied().size());
    }

    /**
     * CREATE INDEX CONCURRENTLY waits for every transaction open in the database: if the runner's own lock session
     * or a second runner waiting for the lock sat in a transaction, this would hang until the test times out.
     */
    @Test
    void concurrentIndexCompletesWhileAnotherRunnerWaitsForTheLock() throws Exception {
        migration("V20260101000001__CreateBig").up("CREATE TABLE big (id int)",
                "INSERT INTO big SELECT generate_series(1, 10000)").writeTo(dir);
        migration("V20260101000002__IndexBig").up("SELECT pg_sleep(1)", "CREATE INDEX CONCURRENTLY big_id ON big (id)")
                .nonTransactional().writeTo(dir);
        MigrationSource loaded = MigrationSource.of(dev.gen.compile.MigrationSources.directory(dir).load());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> first = pool.submit(() -> new Migrations(factory(db), loaded, RunOptions.defaults()).run());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runnerLocksHeld(db) == 0 && !first.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Future<RunResult> second = pool.submit(() -> new Migrations(factory(db), loaded, RunOptions.defaults()).run());

            RunResult firstResult = first.get(20, TimeUnit.SECONDS);
            RunResult secondResult = second.get(20, TimeUnit.SECONDS);

            assertEquals(2, firstResult.applied().size());
            assertTrue(secondResult.applied().isEmpty(), "the waiting runner finds everything applied");
            assertTrue(secondResult.duration().toMillis() >= 500,
                    "the second runner waited for the lock: " + secondResult.duration());
        } finally {
            pool.shutdownNow();
            RunnerTestSupport.terminateOtherSessions(db);
        }
        assertEquals(List.of("true"), strings(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'big_id'::regclass"));
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
    }

    @Test
    void lockTimeoutMakesAMigrationGiveUpOnALockedTable() throws Exception {
        db.execute("CREATE TABLE t (id int)");
        migration("V20260101000001__AlterT").up("ALTER TABLE t ADD COLUMN c int").writeTo(dir);
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            execute(blocker, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();

            MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                    () -> migrations(db, dir, RunOptions.defaults().withLockTimeout("300ms")).run());

            assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000);
            assertEquals("55P03", failure.sqlState());
            String message = failure.getMessage();
            assertTrue(message.contains("V20260101000001__AlterT failed at statement 1 (ALTER TABLE t ADD COLUMN c int)"),
                    message);
            assertTrue(message.contains("canceling statement due to lock timeout"), message);
            assertTrue(message.contains("held a lock on the table longer than the lock timeout"), message);

            // The migration's own lockTimeout() applies when the run sets none.
            migration("V20260101000001__AlterT").up("ALTER TABLE t ADD COLUMN c int").lockTimeout("200ms").writeTo(dir);
            MigrationFailedException own = assertThrows(MigrationFailedException.class, () -> migrations(db, dir).run());
            assertEquals("55P03", own.sqlState());
            blocker.rollback();
        }
        assertEquals(List.of(), history(db));
        assertEquals(List.of("id"), columns(db, "t"));

        migrations(db, dir).run();
        assertEquals(List.of("id", "c"), columns(db, "t"));
    }
}
