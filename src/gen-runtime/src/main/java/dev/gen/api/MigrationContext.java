package dev.gen.api;

import java.sql.SQLException;

/** What a migration may do: execute one SQL statement at a time. */
public interface MigrationContext {

    /** Executes one statement; the runner decides the connection and transaction. */
    void execute(String sql) throws SQLException;
}
