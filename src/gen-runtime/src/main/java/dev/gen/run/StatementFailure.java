package dev.gen.run;

import java.sql.SQLException;

/**
 * Internal: which statement of a migration failed. {@code index} counts from 1; 0 means the runner's own setup
 * (timeouts) or bookkeeping (history record), described by {@code statement}.
 */
final class StatementFailure extends Exception {

    private static final long serialVersionUID = 1L;

    final int index;
    final int total;
    final String statement;

    StatementFailure(int index, int total, String statement, SQLException cause) {
        super(cause);
        this.index = index;
        this.total = total;
        this.statement = statement;
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
