package dev.gen.api;

import java.sql.SQLException;

/** What a migration may do: execute one SQL statement at a time. */
public interface MigrationContext {

    /**
     * Executes one statement; the runner decides the connection and transaction. In a transactional migration,
     * transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code END}, ...) is refused before it
     * reaches the server and the migration rolls back; override {@link Migration#transactional()} to return false
     * for a migration that manages its own transactions.
     */
    void execute(String sql) throws SQLException;
}
