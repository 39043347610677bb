package dev.gen.run;

import java.sql.SQLException;
import java.util.List;

/** A statement of a migration (or of its revert) failed; the message says what remains and what to do. */
public class MigrationFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final MigrationId migration;
    private final String statement;
    private final String sqlState;
    private final transient List<ExecutedMigration> completed;

    MigrationFailedException(String message, MigrationId migration, String statement, SQLException cause,
            List<ExecutedMigration> completed) {
        super(message, cause);
        this.migration = migration;
        this.statement = statement;
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.completed = List.copyOf(completed);
    }

    public MigrationId migration() {
        return migration;
    }

    /** The statement that failed, in full. */
    public String statement() {
        return statement;
    }

    /** PostgreSQL's SQLState, such as {@code 55P03} for a lock timeout; may be null. */
    public String sqlState() {
        return sqlState;
    }

    /** Migrations of this command that completed (and stay) before the failure. */
    public List<ExecutedMigration> completed() {
        return completed;
    }
}
