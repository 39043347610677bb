package dev.gen.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Executes a migration's recorded statements on the work connection, with its timeouts. */
final class StatementRunner {

    private static final String LOCK_TIMEOUT = "lock_timeout";
    private static final String STATEMENT_TIMEOUT = "statement_timeout";
    private static final String SEARCH_PATH = "search_path";

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
        set(LOCK_TIMEOUT, firstNonNull(migration.lockTimeout(), options.lockTimeout(), originalLockTimeout), local);
        set(STATEMENT_TIMEOUT, firstNonNull(migration.statementTimeout(), options.statementTimeout(),
                originalStatementTimeout), local);
        set(SEARCH_PATH, firstNonNull(migration.searchPath(), originalSearchPath), local);
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
            set(LOCK_TIMEOUT, originalLockTimeout, false);
            set(STATEMENT_TIMEOUT, originalStatementTimeout, false);
            set(SEARCH_PATH, originalSearchPath, false);
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

    private void set(String setting, String value, boolean local) throws StatementFailure {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config(?, ?, ?)")) {
            s.setString(1, setting);
            s.setString(2, value);
            s.setBoolean(3, local);
            s.execute();
        } catch (SQLException e) {
            throw new StatementFailure(0, 0, "SET " + (local ? "LOCAL " : "") + setting + " = '" + value + "'", e);
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
