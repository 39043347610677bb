package dev.gen.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/**
 * Runs statements on one connection and counts the round trips to the server, so that a test and the
 * benchmark can hold introspection to a fixed number of queries.
 */
final class QueryRunner {

    /** Receives each row of a result. */
    interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private int roundTrips;

    QueryRunner(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    int roundTrips() {
        return roundTrips;
    }

    /** Runs a query whose only parameter is a {@code text[]} (the schema names). */
    void query(String sql, Collection<String> names, RowHandler handler) throws SQLException {
        query(sql, handler, names);
    }

    /** Runs a query; a {@link Collection} parameter is bound as {@code text[]}, anything else as text. */
    void query(String sql, RowHandler handler, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Collection<?> values) {
                    Array array = connection.createArrayOf("text", values.toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            roundTrips++;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.row(rows);
                }
            }
        }
    }

    /**
     * Sends a script of several statements in one round trip and returns the first column of the last row of
     * the last result set in it, or null when it has none.
     */
    String script(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            roundTrips++;
            boolean isResult = statement.execute(sql);
            String last = null;
            while (true) {
                if (isResult) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            last = rows.getString(1);
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    return last;
                }
                isResult = statement.getMoreResults();
            }
        }
    }

    /** The elements of a {@code text[]} column; empty for SQL NULL. */
    static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** One statement on its own, for the slow path that finds out which part of a script failed. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            roundTrips++;
            statement.execute(sql);
        }
    }

    void rollback() throws SQLException {
        roundTrips++;
        connection.rollback();
    }

    Savepoint savepoint() throws SQLException {
        roundTrips++;
        return connection.setSavepoint();
    }

    void rollback(Savepoint savepoint) throws SQLException {
        roundTrips++;
        connection.rollback(savepoint);
    }

    void release(Savepoint savepoint) throws SQLException {
        roundTrips++;
        connection.releaseSavepoint(savepoint);
    }
}
