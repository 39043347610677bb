package dev.gen.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/** Executes a migration's recorded statements on the work connection, with its timeouts. */
final class StatementRunner {

    private static final String LOCK_TIMEOUT = "lock_timeout";
    private static final String STATEMENT_TIMEOUT = "statement_timeout";
    private static final String SEARCH_PATH = "search_path";

    static final int BATCH_STATEMENTS = 100;
    static final long BATCH_CHARS = 1_000_000;
    private static final String SAVEPOINT_NAME = "gen_batch";
    private static final String BATCH_SAVEPOINT = "SAVEPOINT " + SAVEPOINT_NAME;
    private static final Pattern CONCURRENTLY = Pattern.compile(
            "^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\b.*)\\s+CONCURRENTLY\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Connection connection;
    private String originalLockTimeout;
    private String originalStatementTimeout;
    private String originalSearchPath;

    StatementRunner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Sets {@code lock_timeout} and {@code statement_timeout} for one migration: its own, else the run's, else what
     * the session had. {@code local} limits them to the current transaction ({@code SET LOCAL}); a migration
     * outside a transaction sets them for the session, and the next migration or {@link #restoreSessionSettings()}
     * sets them again.
     */
    void applyTimeouts(LoadedMigration migration, RunOptions options, boolean local) throws StatementFailure {
        try {
            captureOriginals();
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "SELECT current_setting('lock_timeout')", e);
        }
        set(firstNonNull(migration.lockTimeout(), options.lockTimeout(), originalLockTimeout),
                firstNonNull(migration.statementTimeout(), options.statementTimeout(), originalStatementTimeout),
                firstNonNull(migration.searchPath(), originalSearchPath), local);
    }

    /**
     * Executes the statements in order inside the open transaction, in batches of at most
     * {@link #BATCH_STATEMENTS} statements or about {@link #BATCH_CHARS} characters, each batch one round trip (the
     * driver sends a batch's statements before one sync). A failure names the statement (counting from 1) and
     * PostgreSQL's error, as one at a time would: the transaction is rolled back after it either way. A
     * statement that builds or drops an index {@code CONCURRENTLY} goes alone (it fails in a transaction anyway,
     * and then with its own message).
     */
    void executeBatched(List<String> statements) throws StatementFailure {
        try (Statement s = connection.createStatement()) {
            executeBatched(s, statements);
        } catch (SQLException e) {
            throw new StatementFailure(0, statements.size(), "(creating a JDBC statement)", e);
        }
    }

    /** As {@link #executeBatched(List)}, on a statement the caller holds (so that it can be cancelled). */
    static void executeBatched(Statement s, List<String> statements) throws StatementFailure {
        int start = 0;
        while (start < statements.size()) {
            int end = start + 1;
            long chars = statements.get(start).length();
            if (!mustRunAlone(statements.get(start))) {
                while (end < statements.size() && end - start < BATCH_STATEMENTS
                        && chars + statements.get(end).length() <= BATCH_CHARS
                        && !mustRunAlone(statements.get(end))) {
                    chars += statements.get(end).length();
                    end++;
                }
            }
            runBatch(s, statements, start, end);
            start = end;
        }
    }

    /** Whether a batch holds as many statements, or as much text, as one round trip should carry. */
    static boolean batchFull(int statements, long chars) {
        return statements >= BATCH_STATEMENTS || chars >= BATCH_CHARS;
    }

    /**
     * Statements {@code from} (inclusive) to {@code to} (exclusive), alone when only one. A batch starts with a
     * savepoint: the driver does not say which statement of a failed batch failed, so the runner goes back to the
     * savepoint and runs the batch's statements one at a time until one fails again, and names that one.
     */
    private static void runBatch(Statement s, List<String> statements, int from, int to) throws StatementFailure {
        if (to - from == 1) {
            try {
                s.execute(statements.get(from));
            } catch (SQLException e) {
                throw new StatementFailure(from + 1, statements.size(), statements.get(from), e);
            }
            return;
        }
        try {
            s.addBatch(BATCH_SAVEPOINT);
            for (int i = from; i < to; i++) {
                s.addBatch(statements.get(i));
            }
            s.executeBatch();
        } catch (SQLException e) {
            // The driver wraps the server's error; the next exception is PostgreSQL's own, with its detail.
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw findFailing(s, statements, from, to, cause);
        } finally {
            try {
                s.clearBatch();
            } catch (SQLException e) {
                // the statement is closed with the failure anyway
            }
        }
    }

    /** After a failed batch: its statements again from the savepoint, one at a time, up to the one that fails. */
    private static StatementFailure findFailing(Statement s, List<String> statements, int from, int to,
            SQLException batchFailure) {
        if ("57014".equals(batchFailure.getSQLState())) {
            // Cancelled (the lock was lost, or a timeout): running the batch again would only wait once more.
            return new StatementFailure(from + 1, statements.size(), "one of statements " + (from + 1) + " to " + to,
                    batchFailure);
        }
        try {
            s.clearBatch();
            s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT_NAME);
        } catch (SQLException e) {
            return new StatementFailure(from + 1, statements.size(), "one of statements " + (from + 1) + " to " + to,
                    batchFailure);
        }
        for (int i = from; i < to; i++) {
            try {
                s.execute(statements.get(i));
            } catch (SQLException e) {
                return new StatementFailure(i + 1, statements.size(), statements.get(i), e);
            }
        }
        // Nothing failed the second time (a deadlock, say): the batch's own error, for the whole batch.
        return new StatementFailure(from + 1, statements.size(), "one of statements " + (from + 1) + " to " + to,
                batchFailure);
    }

    private static boolean mustRunAlone(String sql) {
        return CONCURRENTLY.matcher(sql).find();
    }

    /** Executes the statements in order; a failure names the statement (counting from 1). */
    void execute(List<String> statements) throws StatementFailure {
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    s.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new StatementFailure(i + 1, statements.size(), statements.get(i), e);
                }
            }
        } catch (SQLException e) {
            throw new StatementFailure(0, statements.size(), "(creating a JDBC statement)", e);
        }
    }

    /** Puts back the session's own timeouts, so that a pooled connection returns as it came. */
    void restoreSessionSettings() throws SQLException {
        if (originalLockTimeout == null) {
            return; // never changed
        }
        try {
            set(originalLockTimeout, originalStatementTimeout, originalSearchPath, false);
        } catch (StatementFailure e) {
            throw e.sqlException();
        }
    }

    private void captureOriginals() throws SQLException {
        if (originalLockTimeout != null) {
            return;
        }
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'),"
                                + " current_setting('search_path')")) {
            r.next();
            originalLockTimeout = r.getString(1);
            originalStatementTimeout = r.getString(2);
            originalSearchPath = r.getString(3);
        }
    }

    /** The three settings in one round trip. */
    private void set(String lockTimeout, String statementTimeout, String searchPath, boolean local)
            throws StatementFailure {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config(?, ?, ?), set_config(?, ?, ?),"
                + " set_config(?, ?, ?)")) {
            String[][] settings = {{LOCK_TIMEOUT, lockTimeout}, {STATEMENT_TIMEOUT, statementTimeout},
                {SEARCH_PATH, searchPath}};
            for (int i = 0; i < settings.length; i++) {
                s.setString(3 * i + 1, settings[i][0]);
                s.setString(3 * i + 2, settings[i][1]);
                s.setBoolean(3 * i + 3, local);
            }
            s.execute();
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "SET " + (local ? "LOCAL " : "") + LOCK_TIMEOUT + " = '" + lockTimeout
                    + "', " + STATEMENT_TIMEOUT + " = '" + statementTimeout + "', " + SEARCH_PATH + " = '"
                    + searchPath + "'", e);
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** PostgreSQL's message with its detail and hint, and the SQLState, on one line. */
    static String describe(SQLException e) {
        ServerError server = ServerError.of(e);
        String text;
        if (server != null) {
            text = "PostgreSQL says: " + server.message()
                    + (server.detail() == null ? "" : " (detail: " + server.detail() + ")")
                    + (server.hint() == null ? "" : " (hint: " + server.hint() + ")");
        } else {
            text = "the JDBC driver says: " + e.getMessage();
        }
        return Messages.oneLine(text) + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
    }
}
