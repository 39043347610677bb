package dev.gen.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a migration may do: execute one SQL statement at a time, or, for a data migration written in Java, use the
 * JDBC connection of its transaction.
 *
 * <p>gen creates a migration only to run it: its {@code up} or {@code down} runs inside the migration's
 * transaction, and each statement reaches the database as the migration issues it. Listing, validating and
 * checksumming never run migration code; the checksum covers the migration's source text (or its class files, for
 * precompiled migrations, or the value of {@link MigrationChecksum}), so editing an applied migration, whether its
 * statements or its Java code, is detected, while a migration that computes values when it runs stays valid.
 *
 * <p><b>Data migrations</b> use {@link #connection()} to read rows, batch updates and bind parameters.
 */
public interface MigrationContext {

    /**
     * Executes one statement; the runner decides the connection and transaction. In a transactional migration,
     * transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code END}, ...) is refused before it
     * reaches the server and the migration rolls back; override {@link Migration#transactional()} to return false
     * for a migration that manages its own transactions.
     */
    void execute(String sql) throws SQLException;

    /**
     * The connection the migration runs on, inside its transaction (in autocommit for a migration whose
     * {@link Migration#transactional()} is false). Use it for statements with bind parameters and for reading data;
     * {@link #execute} on the same context runs on it too. The runner owns the transaction: {@code commit},
     * {@code rollback}, {@code setAutoCommit} and {@code close} are refused with an {@link SQLException}, and the
     * history record commits together with the migration's work.
     *
     * @throws UnsupportedOperationException from a context that has no connection
     */
    default Connection connection() throws SQLException {
        throw new UnsupportedOperationException("this MigrationContext has no JDBC connection");
    }
}
