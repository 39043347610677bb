package dev.gen.normalize;

import dev.gen.introspect.QueryRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The transaction the normaliser's scratch objects live in; it is always rolled back. On an auto-commit
 * connection it is a transaction of its own; inside the caller's transaction it is a savepoint, so that the
 * caller's work survives.
 *
 * <p>Generation must never commit anything in the target database, whatever the entity texts it sends hold. The
 * texts are checked to be single fragments before they get here ({@link dev.gen.pg.SqlLexer}); as a second line,
 * the transaction is made one that cannot commit: {@link #GUARD} leaves a deferred foreign-key violation in it,
 * so a {@code COMMIT} smuggled into a text fails and rolls everything back (and PostgreSQL skips the rest of the
 * script), and {@link #requireOpen} checks, without a round trip, that the transaction is still the one begun.
 */
final class ScratchTransaction implements AutoCloseable {

    /** Statements that make the current transaction unable to commit; rolled back with it. */
    static final String GUARD = "CREATE TEMPORARY TABLE gen_uncommittable (id integer PRIMARY KEY, parent integer"
            + " REFERENCES gen_uncommittable DEFERRABLE INITIALLY DEFERRED);\n"
            + "INSERT INTO gen_uncommittable VALUES (1, 2)";

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
        runner.script(GUARD);
    }

    /**
     * Fails unless the connection is still inside the transaction: something in what was sent ended it, and a
     * rollback now would not undo what ran before.
     */
    static void requireOpen(Connection connection) throws SQLException {
        if (!isOpen(connection)) {
            throw new IllegalStateException("The normaliser's transaction ended while its statements ran; gen"
                    + " stops rather than go on outside a transaction that is rolled back.");
        }
    }

    /**
     * Whether the read-back may end the transaction itself ({@code QueryRunner.togetherThenRollback}): only a
     * transaction of its own; a savepoint inside the caller's transaction is rolled back to in {@link #close}.
     */
    boolean endsWithReadBack() {
        return ownTransaction;
    }

    /** Whether the connection is inside a transaction (open or aborted), read without a round trip. */
    private static boolean isOpen(Connection connection) throws SQLException {
        return connection.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                != org.postgresql.core.TransactionState.IDLE;
    }

    @Override
    public void close() throws SQLException {
        if (ownTransaction) {
            try {
                if (isOpen(runner.connection())) { // not already ended by the read-back's ROLLBACK
                    runner.rollback();
                }
            } finally {
                runner.connection().setAutoCommit(true);
            }
        } else {
            runner.rollback(savepoint);
            runner.release(savepoint);
        }
    }
}
