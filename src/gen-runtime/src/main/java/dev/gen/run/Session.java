package dev.gen.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The connections of one locked command: a lock connection that holds the advisory lock and otherwise stays idle,
 * and a work connection for the history table and the migrations. Closing restores the work connection's session
 * (a pool gets it back as it lent it), closes it, unlocks and closes the lock connection.
 */
final class Session implements AutoCloseable {

    private static final long LOCK_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final Connection lockConnection;
    private final AdvisoryLock lock;
    private final Connection work;
    private final boolean workAutoCommit;
    private final HistoryTable history;
    private final StatementRunner statements;
    private final Duration lockWait;
    private final long workKey;
    private long lastLockCheck = System.nanoTime();

    private Session(Connection lockConnection, AdvisoryLock lock, Connection work, HistoryTable history,
            Duration lockWait) throws SQLException {
        this.lockWait = lockWait;
        this.workKey = AdvisoryLock.workKeyFor(history.qualifiedName());
        this.lockConnection = lockConnection;
        this.lock = lock;
        this.work = work;
        this.workAutoCommit = work.getAutoCommit();
        this.history = history;
        this.statements = new StatementRunner(work);
    }

    /** Locks, then creates the history table when missing. */
    static Session open(ConnectionFactory database, RunOptions options) {
        HistoryTable history = new HistoryTable(options.historySchema(), options.historyTable());
        Connection lockConnection = null;
        AdvisoryLock lock = null;
        Connection work = null;
        try {
            lockConnection = connect(database);
            lockConnection.setAutoCommit(true);
            keepIdleSessionAlive(lockConnection);
            lock = AdvisoryLock.acquire(lockConnection, AdvisoryLock.keyFor(history.qualifiedName()),
                    options.lockWait(), history.qualifiedName(), options.notices());
            work = connect(database);
            work.setAutoCommit(true);
            noticeDeadClient(work);
            history.createIfMissing(work);
            return new Session(lockConnection, lock, work, history, options.lockWait());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(work, lock, lockConnection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MigrationException("Cannot prepare the history table " + history.qualifiedName() + " on "
                    + database.describe() + ": " + StatementRunner.describe((SQLException) e), e);
        }
    }

    private static Connection connect(ConnectionFactory database) {
        try {
            return database.open();
        } catch (SQLException e) {
            // The factory already removed any password from e.
            throw new MigrationException("Cannot connect to " + database.describe() + ": "
                    + Messages.oneLine(e.getMessage()) + (e.getSQLState() == null ? "" : " (SQLState "
                    + e.getSQLState() + ")") + ". Check the URL, the user and the password, and that the server"
                    + " accepts connections.", e);
        }
    }

    /**
     * A server-wide {@code idle_session_timeout} would end the idle lock session during a long migration and
     * silently release the lock; switch it off for this session. PostgreSQL before 14 has no such setting.
     */
    /**
     * A runner killed in the middle of a long statement leaves its backend running the statement to its end, holding
     * the migration's locks and transaction. PostgreSQL 14+ can check the client socket while a statement runs and
     * abort it (rolling the migration back) within seconds instead.
     */
    private static void noticeDeadClient(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('client_connection_check_interval', '1s', false)")) {
            s.execute();
        } catch (SQLException e) {
            // Unknown setting before PostgreSQL 14: the backend notices when the statement ends.
        }
    }

    private static void keepIdleSessionAlive(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('idle_session_timeout', '0', false)")) {
            s.execute();
        } catch (SQLException e) {
            // Unknown setting on older servers: nothing to switch off.
        }
    }

    /**
     * Fails unless the lock session is alive and still holds the lock. Commands call it before every commit and
     * before each migration starts: a runner whose lock session was ended (pg_terminate_backend, a network cut, a
     * server-side timeout) may already have been replaced by another runner, so it must not commit anything more.
     *
     * @throws LockLostException with a message saying that the lock is gone; callers add what they roll back
     */
    synchronized void requireLock() {
        checkLock(true);
    }

    /** {@link #requireLock()} between a migration's statements, at most once a second, to stop long ones early. */
    synchronized void checkLockNowAndThen() {
        if (System.nanoTime() - lastLockCheck >= LOCK_CHECK_INTERVAL_NANOS) {
            checkLock(false);
        }
    }

    /** {@code mustConfirm}: before a commit, where a check the server could not answer stops the runner too. */
    private void checkLock(boolean mustConfirm) {
        lastLockCheck = System.nanoTime();
        String reason;
        try {
            if (lock.held()) {
                return;
            }
            reason = "was lost: its session no longer holds the lock";
        } catch (SQLException e) {
            if (shortOfResources(e)) {
                if (!mustConfirm) {
                    // The server could not answer (its lock table or memory is full; the migration's own statement
                    // then fails and says so). That says nothing about the lock, which its session keeps while it
                    // lives, so only the check before a commit turns it into a stop.
                    return;
                }
                reason = "could not be confirmed: the server could not answer (" + StatementRunner.describe(e) + ")";
            } else {
                reason = "was lost: its session ended (" + StatementRunner.describe(e) + ")";
            }
        }
        throw new LockLostException("The migration lock on " + history.qualifiedName() + " " + reason
                + ". Another runner may have taken it over, so this one stopped before committing anything more.");
    }

    /** SQLSTATE class 53, "insufficient resources": out of memory, of shared memory, of disk, of connections. */
    private static boolean shortOfResources(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("53");
    }

    /**
     * Watches the lock while a migration's code runs, so that a long statement does not go on for long after the
     * lock is gone: about once a second a daemon thread checks it, and when it is lost tells {@code onLoss} and
     * cancels {@code running} (the statement fails, and the command rolls back). Close it when the code returns.
     */
    AutoCloseable watchLock(java.sql.Statement running, java.util.function.Consumer<LockLostException> onLoss) {
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(LOCK_CHECK_INTERVAL_NANOS / 1_000_000);
                    try {
                        checkLockNowAndThen();
                    } catch (LockLostException lost) {
                        onLoss.accept(lost);
                        running.cancel();
                        return;
                    }
                }
            } catch (InterruptedException | SQLException e) {
                // Closed, or the statement could not be cancelled: the next check between statements stops it.
            }
        }, "gen-lock-watch");
        watcher.setDaemon(true);
        watcher.start();
        return () -> {
            watcher.interrupt();
            watcher.join();
        };
    }

    /**
     * Takes the work lock for one migration (see {@link AdvisoryLock#workKeyFor}); in a transaction it ends with
     * the transaction, otherwise {@link #unlockWork()} releases it.
     */
    void lockWork(boolean inTransaction) throws SQLException {
        AdvisoryLock.lockWork(work, workKey, inTransaction, lockWait, history.qualifiedName());
    }

    void unlockWork() throws SQLException {
        AdvisoryLock.unlockWork(work, workKey);
    }

    Connection work() {
        return work;
    }

    HistoryTable history() {
        return history;
    }

    StatementRunner statements() {
        return statements;
    }

    List<HistoryRow> readHistory() throws SQLException {
        return history.read(work);
    }

    @Override
    public void close() {
        try {
            if (!work.isClosed()) {
                if (!work.getAutoCommit()) {
                    work.rollback();
                }
                statements.restoreSessionSettings();
                work.setAutoCommit(workAutoCommit);
            }
        } catch (SQLException e) {
            // The connection is closed next anyway.
        }
        closeQuietly(work, lock, lockConnection);
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                // Closing the lock connection releases the lock even when unlocking failed.
            }
        }
    }
}
