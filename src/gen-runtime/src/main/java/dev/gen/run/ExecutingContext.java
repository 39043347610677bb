package dev.gen.run;

import dev.gen.api.MigrationContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The context a migration's {@code up} or {@code down} gets while it runs. In a transactional migration the
 * statements reach the work connection in batches (100 statements or 1 MB each, one round trip per batch; see
 * {@link StatementRunner#executeBatched}), sent when a batch is full, before the migration takes the connection, and
 * when its code returns; a failure still names the exact statement. Statements that would end or start a transaction
 * are refused before they reach the server, and between statements the runner checks now and then that it still
 * holds the migration lock. Outside a transaction each statement goes alone, as the migration issues it. What
 * happened is remembered even if the migration's code catches the exception.
 */
final class ExecutingContext implements MigrationContext {

    private final Statement statement;
    private final boolean inTransaction;
    private final Session session;
    private int executed;
    private String last = "";
    private SQLException serverError;
    private StatementFailure refusal;
    private volatile LockLostException lockLost; // set by the lock watch too
    private Connection guarded; // handed to data migrations, created on first use
    private final java.util.List<String> batch = new java.util.ArrayList<>();
    private long batchChars;
    private int sent; // statements of earlier batches
    private StatementFailure batchFailure;

    /** What a migration may not call on its connection: the runner owns the transaction and the connection. */
    private static final Set<String> REFUSED = Set.of("commit", "rollback", "setAutoCommit", "close", "abort");

    ExecutingContext(Statement statement, boolean inTransaction, Session session) {
        this.statement = statement;
        this.inTransaction = inTransaction;
        this.session = session;
    }

    @Override
    public void execute(String sql) throws SQLException {
        if (lockLost != null) {
            throw lockLost;
        }
        if (refusal != null || batchFailure != null) {
            throw new IllegalStateException("gen stopped this migration already; it must not issue more statements");
        }
        if (sql == null || sql.isBlank()) {
            IllegalArgumentException empty = new IllegalArgumentException("a migration executed an empty statement");
            refusal = new StatementFailure(executed + 1, String.valueOf(sql), empty, "it issued an empty statement");
            throw empty;
        }
        if (inTransaction) {
            String control = SqlText.transactionControl(sql);
            if (control != null) {
                refusal = new StatementFailure(executed + 1, sql, null, "it issued " + control + ", which would end"
                        + " or start a transaction inside the one gen runs the migration and its history row in;"
                        + " gen refused the statement before it reached the server");
                throw new IllegalStateException("gen refused " + control + " in a transactional migration");
            }
        }
        try {
            session.checkLockNowAndThen();
        } catch (LockLostException e) {
            lockLost = e;
            throw e;
        }
        executed++;
        last = sql;
        if (inTransaction) {
            batch.add(sql);
            batchChars += sql.length();
            if (StatementRunner.batchFull(batch.size(), batchChars)) {
                flush();
            }
            return;
        }
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            serverError = e;
            throw e;
        }
    }

    /** Sends the statements issued since the last batch, in one round trip per batch. */
    void flush() throws SQLException {
        if (batch.isEmpty() || batchFailure != null) {
            return;
        }
        java.util.List<String> statements = java.util.List.copyOf(batch);
        int before = sent;
        batch.clear();
        batchChars = 0;
        sent += statements.size();
        try {
            StatementRunner.executeBatched(statement, statements);
        } catch (StatementFailure failure) {
            SQLException cause = failure.getCause() instanceof SQLException e ? e
                    : new SQLException(failure.getMessage(), failure.getCause());
            batchFailure = new StatementFailure(before + failure.index, 0, failure.statement, cause);
            serverError = cause;
            throw cause;
        }
    }

    /**
     * The work connection, for Java data migrations: inside the migration's transaction (in autocommit for a
     * non-transactional one). Ending or changing the transaction, or closing the connection, is refused: the history
     * row must commit with the migration's work.
     */
    @Override
    public Connection connection() throws SQLException {
        if (lockLost != null) {
            throw lockLost;
        }
        flush(); // what the migration executed so far comes first
        if (guarded == null) {
            guarded = guard(statement.getConnection());
        }
        return guarded;
    }

    private static Connection guard(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean refused = REFUSED.contains(method.getName()) && (args == null || args.length == 0
                    || method.getName().equals("setAutoCommit") || method.getName().equals("abort"));
            if (refused) {
                throw new SQLException("A migration may not call Connection." + method.getName() + "(): gen owns"
                        + " the migration's transaction and commits it together with the history record. Throw an"
                        + " exception to make the migration fail and roll back.");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /**
     * What stopped the migration, when anything did; {@code thrown} is what its code let escape (null when it
     * returned normally, which it may after catching gen's exception).
     */
    StatementFailure failure(Throwable thrown, String method) throws LockLostException {
        if (lockLost != null) {
            throw lockLost;
        }
        if (refusal != null) {
            return refusal;
        }
        if (batchFailure != null) {
            return batchFailure;
        }
        if (serverError != null && (inTransaction || thrown != null)) {
            return new StatementFailure(executed, 0, last, serverError);
        }
        if (thrown == null) {
            return null; // outside a transaction, a migration may catch a failed statement and go on
        }
        if (thrown instanceof LockLostException lost) {
            throw lost;
        }
        // Counted as if the code were the statement after the last one, so that index - 1 statements took effect.
        return new StatementFailure(executed + 1, last, thrown, "its " + method + " threw "
                + Messages.oneLine(String.valueOf(thrown))
                + (executed == 0 ? " before issuing any statement" : " after statement " + executed));
    }

    /** The lock watch found the lock gone, and cancels the running statement. */
    void lockLost(LockLostException lost) {
        lockLost = lost;
    }

    int executed() {
        return executed;
    }
}
