package dev.gen.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The transaction the normaliser's scratch objects live in; it is always rolled back. On an auto-commit
 * connection it is a transaction of its own; inside the caller's transaction it is a savepoint, so that the
 * caller's work survives.
 */
final class ScratchTransaction implements AutoCloseable {

    private final QueryRunner runner;
    private final boolean ownTransaction;
    private final Savepoint savepoint;

    private ScratchTransaction(QueryRunner runner, boolean ownTransaction, Savepoint savepoint) {
        this.runner = runner;
        this.ownTransaction = ownTransaction;
        this.savepoint = savepoint;
    }

    static ScratchTransaction begin(QueryRunner runner) throws SQLException {
        Connection connection = runner.connection();
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false); // BEGIN goes out with the next statement: no extra round trip
            return new ScratchTransaction(runner, true, null);
        }
        return new ScratchTransaction(runner, false, runner.savepoint());
    }

    /** Undoes everything so far (after a failure has aborted the transaction) and starts again. */
    void restart() throws SQLException {
        if (ownTransaction) {
            runner.rollback();
        } else {
            runner.rollback(savepoint);
        }
    }

    @Override
    public void close() throws SQLException {
        if (ownTransaction) {
            try {
                runner.rollback();
            } finally {
                runner.connection().setAutoCommit(true);
            }
        } else {
            runner.rollback(savepoint);
            runner.release(savepoint);
        }
    }
}
