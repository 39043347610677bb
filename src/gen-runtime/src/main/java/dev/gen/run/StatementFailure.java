package dev.gen.run;

import java.sql.SQLException;

/**
 * Internal: which statement of a migration failed. {@code index} counts from 1; 0 means the runner's own setup
 * (timeouts) or bookkeeping (history record), described by {@code statement}. The cause is the server's error, or
 * for a failure gen detected itself (a refused statement, an exception of the migration's own code) the exception,
 * with {@code explanation} saying what happened.
 */
final class StatementFailure extends Exception {

    private static final long serialVersionUID = 1L;

    final int index;
    final int total;
    final String statement;
    final String explanation;

    StatementFailure(int index, int total, String statement, SQLException cause) {
        super(cause);
        this.index = index;
        this.total = total;
        this.statement = statement;
        this.explanation = null;
    }

    StatementFailure(int index, String statement, Throwable cause, String explanation) {
        super(cause);
        this.index = index;
        this.total = 0;
        this.statement = statement;
        this.explanation = explanation;
    }

    /** The server's error, or null when gen stopped the migration itself. */
    SQLException sqlException() {
        return getCause() instanceof SQLException e ? e : null;
    }
}
