package dev.gen.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a migration may do: execute one SQL statement at a time, or, for a data migration written in Java, use the
 * JDBC connection of its transaction.
 *
 * <p><b>Schema migrations</b> call {@link #execute} only. gen records those statements when it loads the migration
 * (no database involved), checksums them, and runs exactly the recorded statements; editing a statement after the
 * migration ran changes the checksum, and the runner refuses.
 *
 * <p><b>Data migrations</b> call {@link #connection()} (to read rows, batch updates, use bind parameters). Such a
 * migration cannot be recorded without a database, so gen runs its {@code up} (or {@code down}) code itself, inside
 * the migration's transaction, and its checksum covers the migration's class file (its compiled code) and
 * settings instead of statements: recompiling an unchanged source keeps the checksum, changing the code changes it.
 * Keep such a migration in one top-level class; nested or anonymous classes it uses are not covered.
 */
public interface MigrationContext {

    /** Executes one statement; the runner decides the connection and transaction. */
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
