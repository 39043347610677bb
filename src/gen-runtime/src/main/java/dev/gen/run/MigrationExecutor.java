package dev.gen.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one migration's statements (its {@code up} or its {@code down}) together with the history bookkeeping
 * that goes with them, inside or outside a transaction. Transaction boundaries belong to the commands.
 */
final class MigrationExecutor {

    /** A change to the history table that accompanies the statements. */
    @FunctionalInterface
    interface Bookkeeping {
        void apply(Connection connection, long executionMs) throws SQLException;
    }

    private final Session session;
    private final RunOptions options;

    MigrationExecutor(Session session, RunOptions options) {
        this.session = session;
        this.options = options;
    }

    /**
     * In the open transaction: SET LOCAL timeouts, the statements in batches, then the bookkeeping. Returns
     * milliseconds.
     */
    long inTransaction(LoadedMigration migration, List<String> statements, Bookkeeping after) throws StatementFailure {
        long start = System.nanoTime();
        session.statements().applyTimeouts(migration, options, true);
        session.statements().executeBatched(statements);
        long ms = millisSince(start);
        bookkeep(after, ms, statements.size());
        return ms;
    }

    /**
     * In autocommit: {@code before} is committed first, so that a runner killed half-way leaves a failed record
     * instead of nothing; then the statements, each committing by itself; then {@code after}. On failure the
     * migration is recorded as failed, and the failure is rethrown.
     */
    long outsideTransaction(LoadedMigration migration, List<String> statements, Bookkeeping before,
            Bookkeeping after) throws StatementFailure {
        Connection c = session.work();
        long start = System.nanoTime();
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StatementFailure(0, statements.size(), "(switching to autocommit)", e);
        }
        bookkeep(before, 0, statements.size());
        try {
            session.statements().applyTimeouts(migration, options, false);
            session.statements().execute(statements);
        } catch (StatementFailure failure) {
            try {
                session.history().markFailed(c, migration.id(), millisSince(start));
            } catch (SQLException e) {
                failure.addSuppressed(e); // 'before' already recorded it as failed
            }
            throw failure;
        }
        long ms = millisSince(start);
        bookkeep(after, ms, statements.size());
        return ms;
    }

    private void bookkeep(Bookkeeping action, long ms, int total) throws StatementFailure {
        try {
            action.apply(session.work(), ms);
        } catch (SQLException e) {
            throw new StatementFailure(0, total, "(recording it in " + session.history().qualifiedName() + ")", e);
        }
    }

    void begin() throws StatementFailure {
        try {
            session.work().setAutoCommit(false);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "BEGIN", e);
        }
    }

    void commit() throws StatementFailure {
        try {
            session.work().commit();
            session.work().setAutoCommit(true);
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "COMMIT", e);
        }
    }

    /** After a failure; a rollback error would only hide the original one. */
    void rollbackQuietly() {
        try {
            Connection c = session.work();
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The session closes the connection; the server rolls back with it.
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
