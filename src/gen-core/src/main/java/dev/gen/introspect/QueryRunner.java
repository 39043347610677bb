package dev.gen.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs statements on one connection and counts the round trips to the server, so that a test and the
 * benchmark can hold introspection to a fixed number of queries. Public for the normaliser
 * ({@code dev.gen.normalize}), whose round trips count with those of the catalog reads it shares.
 */
public final class QueryRunner {

    /** Receives each row of a result. */
    interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private int roundTrips;
    /** Queries waiting for the end of {@link #together}, or null outside it. */
    private List<Query> queued;

    public QueryRunner(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public int roundTrips() {
        return roundTrips;
    }

    /** Runs a query whose only parameter is a {@code text[]} (the schema names). */
    void query(String sql, Collection<String> names, RowHandler handler) throws SQLException {
        query(sql, handler, names);
    }

    /**
     * Runs a query; a {@link Collection} parameter is bound as {@code text[]}, anything else as text. Inside
     * {@link #together} it is only queued, and its handler sees its rows when the block ends.
     */
    void query(String sql, RowHandler handler, Object... parameters) throws SQLException {
        Query query = new Query(sql, handler, parameters);
        if (queued != null) {
            queued.add(query);
        } else {
            send(List.of(query));
        }
    }

    /** Queries made by a block of work. */
    interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} and sends every query it made at its end, together in one round trip (one statement of
     * several queries: the driver pipelines them before a single sync), handing each query's rows to its handler in
     * order. Inside another {@code together} the queries join the outer block's.
     */
    void together(Work work) throws SQLException {
        together(work, null);
    }

    /**
     * As {@link #together}, with {@code ROLLBACK} sent last in the same round trip: the caller's own transaction
     * ends with its last read instead of one round trip later. If a query fails, the server skips the rest of
     * the batch, {@code ROLLBACK} included, and the transaction is left aborted for the caller to roll back.
     */
    void togetherThenRollback(Work work) throws SQLException {
        together(work, "ROLLBACK");
    }

    private void together(Work work, String trailer) throws SQLException {
        if (queued != null) {
            work.run();
            return;
        }
        queued = new ArrayList<>();
        try {
            work.run();
            List<Query> queries = queued;
            queued = null;
            send(queries, trailer);
        } finally {
            queued = null;
        }
    }

    private void send(List<Query> queries) throws SQLException {
        send(queries, null);
    }

    private void send(List<Query> queries, String trailer) throws SQLException {
        if (queries.isEmpty()) {
            return;
        }
        // A line break before each separator: a query text may end in a line comment.
        String sql = queries.stream().map(Query::sql).collect(Collectors.joining("\n;\n"))
                + (trailer == null ? "" : "\n;\n" + trailer);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Query query : queries) {
                for (Object parameter : query.parameters()) {
                    if (parameter instanceof Collection<?> values) {
                        Array array = connection.createArrayOf("text", values.toArray());
                        statement.setArray(index++, array);
                    } else {
                        statement.setString(index++, (String) parameter);
                    }
                }
            }
            roundTrips++;
            boolean isResult = statement.execute();
            for (Query query : queries) {
                while (!isResult) {
                    if (statement.getUpdateCount() == -1) {
                        throw new SQLException("the server returned fewer results than the " + queries.size()
                                + " queries sent");
                    }
                    isResult = statement.getMoreResults();
                }
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        query.handler().row(rows);
                    }
                }
                isResult = statement.getMoreResults();
            }
        }
    }

    private record Query(String sql, RowHandler handler, Object[] parameters) {
    }

    /**
     * Sends a script of several statements in one round trip and returns the first column of the last row of
     * the last result set in it, or null when it has none.
     */
    public String script(String sql) throws SQLException {
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
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            roundTrips++;
            statement.execute(sql);
        }
    }

    public void rollback() throws SQLException {
        roundTrips++;
        connection.rollback();
    }

    public Savepoint savepoint() throws SQLException {
        roundTrips++;
        return connection.setSavepoint();
    }

    public void rollback(Savepoint savepoint) throws SQLException {
        roundTrips++;
        connection.rollback(savepoint);
    }

    public void release(Savepoint savepoint) throws SQLException {
        roundTrips++;
        connection.releaseSavepoint(savepoint);
    }
}
