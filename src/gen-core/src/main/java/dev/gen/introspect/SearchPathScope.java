package dev.gen.introspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stretch of work under the search_path of {@link Introspector#searchPath}, so that {@code format_type},
 * {@code pg_get_expr} and {@code pg_get_constraintdef} qualify names the same way on both sides of the diff.
 *
 * <p>The setting is transaction-local. On an auto-commit connection the scope runs its own transaction and
 * rolls it back (it only reads); inside the caller's transaction it puts the previous value back instead, and
 * leaves the transaction alone.
 */
final class SearchPathScope implements AutoCloseable {

    private static final String RESTORE = "SELECT pg_catalog.set_config('search_path', ?, true)";

    private final QueryRunner runner;
    private final boolean ownTransaction;
    private final String previous;
    private final Set<String> existingSchemas;

    private SearchPathScope(QueryRunner runner, boolean ownTransaction, String previous, Set<String> existingSchemas) {
        this.runner = runner;
        this.ownTransaction = ownTransaction;
        this.previous = previous;
        this.existingSchemas = existingSchemas;
    }

    /** Work on the connection that may fail with an {@link SQLException}; it learns which schemas exist. */
    interface Work<T> {
        T run(Set<String> existingSchemas) throws SQLException;
    }

    /** Runs {@code work} under the search_path of the given schemas, then restores the connection. */
    static <T> T run(QueryRunner runner, Collection<String> schemas, Work<T> work) throws SQLException {
        try (SearchPathScope scope = enter(runner, schemas)) {
            return work.run(scope.existingSchemas);
        }
    }

    /**
     * Queues the query that sets the search_path and learns which schemas exist, on an auto-commit connection inside
     * {@link QueryRunner#together}: the setting then holds for the queries sent with it and ends with their implicit
     * transaction at the sync, so no scope needs closing.
     */
    static void enterUntilSync(QueryRunner runner, Collection<String> schemas, Set<String> existingSchemas)
            throws SQLException {
        runner.query(SqlResource.load("enter_search_path"),
                row -> existingSchemas.addAll(QueryRunner.texts(row.getArray("existing_schemas"))),
                Introspector.searchPath(schemas), schemas);
    }

    private static SearchPathScope enter(QueryRunner runner, Collection<String> schemas) throws SQLException {
        Connection connection = runner.connection();
        boolean ownTransaction = connection.getAutoCommit();
        if (ownTransaction) {
            connection.setAutoCommit(false); // the driver sends BEGIN with the next statement: no extra round trip
        }
        String[] previous = new String[1];
        Set<String> existing = new TreeSet<>();
        try {
            runner.query(SqlResource.load("enter_search_path"), row -> {
                previous[0] = row.getString("search_path");
                existing.addAll(QueryRunner.texts(row.getArray("existing_schemas")));
            }, Introspector.searchPath(schemas), schemas);
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            throw e;
        }
        return new SearchPathScope(runner, ownTransaction, previous[0], existing);
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
            runner.query(RESTORE, row -> { }, previous);
        }
    }
}
