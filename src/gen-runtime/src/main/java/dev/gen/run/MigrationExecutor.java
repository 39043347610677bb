package dev.gen.run;

import dev.gen.api.MigrationContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one migration's {@code up} or {@code down} (creating the migration only now) together with the history
 * bookkeeping that goes with it, inside or outside a transaction. Transaction boundaries belong to the commands;
 * every commit first checks that the runner still holds the migration lock.
 */
final class MigrationExecutor {

    /** A change to the history table that accompanies the statements. */
    @FunctionalInterface
    interface Bookkeeping {
        void apply(Connection connection, long executionMs) throws SQLException;
    }

    /** The migration's own code: its {@code up} or its {@code down}. */
    @FunctionalInterface
    interface Body {
        void run(MigrationContext context) throws Exception;
    }

    private final Session session;
    private final RunOptions options;

    MigrationExecutor(Session session, RunOptions options) {
        this.session = session;
        this.options = options;
    }

    /**
     * In the open transaction: takes the work lock, checks the lock and asks {@code stillToDo} whether the migration
     * is still to be done (another runner may have done it meanwhile); false skips it.
     */
    boolean claimInTransaction(Claim stillToDo) throws StatementFailure {
        try {
            session.lockWork(true);
            session.requireLock();
            return stillToDo.test(session.work());
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "(taking the migration's work lock)", e);
        }
    }

    /** As {@link #claimInTransaction}, in autocommit; the caller releases with {@link #releaseClaim()}. */
    boolean claimOutsideTransaction(Claim stillToDo) throws StatementFailure {
        try {
            session.work().setAutoCommit(true);
            session.lockWork(false);
            session.requireLock();
            return stillToDo.test(session.work());
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "(taking the migration's work lock)", e);
        }
    }

    void releaseClaim() {
        try {
            session.unlockWork();
        } catch (SQLException e) {
            // The lock goes with the session when it closes.
        }
    }

    /** Whether a migration is still to be done, asked under the work lock. */
    @FunctionalInterface
    interface Claim {
        boolean test(Connection work) throws SQLException;
    }

    /** In the open transaction: SET LOCAL timeouts, the statements, then the bookkeeping. Returns milliseconds. */
    long inTransaction(LoadedMigration migration, String method, Body body, Bookkeeping after)
            throws StatementFailure {
        long start = System.nanoTime();
        session.statements().applyTimeouts(migration, options, true);
        runBody(migration, method, body, true);
        long ms = millisSince(start);
        bookkeep(after, ms);
        return ms;
    }

    /**
     * In autocommit: {@code before} is committed first, so that a runner killed half-way leaves a failed record
     * instead of nothing; then the statements, each committing by itself; then {@code after}. On failure the
     * migration is recorded as failed, unless none of its statements ran ({@code nothingRan} then undoes
     * {@code before}), and the failure is rethrown.
     */
    long outsideTransaction(LoadedMigration migration, String method, Body body, Bookkeeping before,
            Bookkeeping after, Bookkeeping nothingRan) throws StatementFailure {
        Connection c = session.work();
        long start = System.nanoTime();
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "(switching to autocommit)", e);
        }
        bookkeep(before, 0);
        try {
            session.statements().applyTimeouts(migration, options, false);
            runBody(migration, method, body, false);
        } catch (StatementFailure failure) {
            try {
                if (failure.index <= 1) { // statements before the failing one took effect; none did
                    nothingRan.apply(c, millisSince(start));
                } else {
                    session.history().markFailed(c, migration.id(), millisSince(start));
                }
            } catch (SQLException e) {
                failure.addSuppressed(e); // 'before' already recorded it as failed
            }
            throw failure;
        }
        long ms = millisSince(start);
        session.requireLock();
        bookkeep(after, ms);
        return ms;
    }

    private void runBody(LoadedMigration migration, String method, Body body, boolean inTransaction)
            throws StatementFailure {
        try (Statement statement = session.work().createStatement()) {
            ExecutingContext context = new ExecutingContext(statement, inTransaction, session);
            Throwable thrown = null;
            try (AutoCloseable watch = session.watchLock(statement, context::lockLost)) {
                body.run(context);
                context.flush(); // the last batch, before the history row
            } catch (MigrationException e) {
                if (!(e instanceof LockLostException)) {
                    throw e; // the migration cannot be created: nothing of it ran
                }
                thrown = e;
            } catch (Exception | LinkageError e) {
                thrown = e;
            }
            StatementFailure failure = context.failure(thrown, method);
            if (failure != null) {
                throw failure;
            }
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "(creating a JDBC statement)", e);
        }
    }

    private void bookkeep(Bookkeeping action, long ms) throws StatementFailure {
        try {
            action.apply(session.work(), ms);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "(recording it in " + session.history().qualifiedName() + ")", e);
        }
    }

    void begin() throws StatementFailure {
        try {
            session.work().setAutoCommit(false);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "BEGIN", e);
        }
    }

    /** Commits, after checking that the runner still holds the lock ({@link LockLostException} when not). */
    void commit() throws StatementFailure {
        session.requireLock();
        try {
            session.work().commit();
            session.work().setAutoCommit(true);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "COMMIT", e);
        }
    }

    /**
     * After a failure; a rollback error would only hide the original one. Returns false when the rollback could
     * not be confirmed (the connection broke): the server then rolls back when it notices the session is gone.
     */
    boolean rollbackQuietly() {
        try {
            Connection c = session.work();
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
