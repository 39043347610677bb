package dev.gen.run;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one-paragraph messages of {@link MigrationFailedException}: what failed, what remains, what to do. */
final class Failures {

    private Failures() {
    }

    /** Where the failed migration's statements ran, which decides what is left of them. */
    enum Scope {
        OWN_TRANSACTION, RUN_TRANSACTION, NO_TRANSACTION
    }

    static MigrationFailedException of(LoadedMigration migration, StatementFailure failure, Scope scope,
            boolean revert, List<ExecutedMigration> completed, String historyName) {
        return of(migration, failure, scope, revert, completed, historyName, true);
    }

    /** {@code rolledBack}: false when the rollback could not be confirmed, so that no message claims it. */
    static MigrationFailedException of(LoadedMigration migration, StatementFailure failure, Scope scope,
            boolean revert, List<ExecutedMigration> completed, String historyName, boolean rolledBack) {
        SQLException cause = failure.sqlException();
        String name = revert ? "Reverting migration " + migration.id() + " (its down)" : "Migration " + migration.id();
        String what = failure.explanation != null
                ? name + " was stopped at " + where(failure) + ": " + failure.explanation + "."
                : name + " failed at " + where(failure) + ": " + StatementRunner.describe(cause) + ".";
        String consequence = scope != Scope.NO_TRANSACTION && !rolledBack
                ? "The connection broke before gen could confirm the rollback; PostgreSQL rolls back a transaction"
                        + " whose session ends, so nothing of it should remain: check with gen migration:status."
                : consequence(failure, scope, revert, completed, historyName);
        String hint = failure.explanation != null && cause == null && failure.getCause() == null
                ? (scope == Scope.NO_TRANSACTION ? "" : "Remove the transaction control from the migration, or make"
                        + " its transactional() return false so that its statements run outside a transaction, each"
                        + " committing by itself.")
                : hint(cause == null ? null : cause.getSQLState(), migration, scope);
        String message = Stream.of(what, consequence, hint)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return new MigrationFailedException(message, migration.id(), failure.statement, cause,
                scope == Scope.RUN_TRANSACTION ? List.of() : completed);
    }

    private static String where(StatementFailure failure) {
        if (failure.index == 0) {
            return "the runner's step " + failure.statement;
        }
        if (failure.explanation != null && failure.getCause() != null) {
            return "its code after " + Messages.plural(failure.index - 1, "statement");
        }
        return "statement " + failure.index + (failure.total > 0 ? " of " + failure.total : "") + " ("
                + Messages.preview(failure.statement) + ")";
    }

    private static String consequence(StatementFailure failure, Scope scope, boolean revert,
            List<ExecutedMigration> completed, String historyName) {
        String done = revert ? "reverted" : "applied";
        switch (scope) {
            case OWN_TRANSACTION:
                return (revert ? "It was rolled back, so the migration stays applied and recorded."
                        : "It was rolled back together with its history record, so nothing of it remains.")
                        + (completed.isEmpty() ? "" : " The " + Messages.plural(completed.size(), "migration")
                                + " " + done + " before it in this run stay " + done + ".");
            case RUN_TRANSACTION:
                return "The whole run was one transaction and was rolled back: no migration was " + done + ".";
            default:
                return "It ran outside a transaction, so " + leftOver(failure) + ". It is recorded as failed in "
                        + historyName + " and blocks further runs until resolved: "
                        + (revert ? "complete its down by hand, then run gen migration:repair to delete the"
                                + " record; the migration is then pending again."
                                : "undo what took effect by hand and fix the cause, then run gen migration:repair"
                                + " to delete the failed record; the next run applies it again.");
        }
    }

    private static String leftOver(StatementFailure failure) {
        int tookEffect = Math.max(0, failure.index - 1);
        if (tookEffect == 0) {
            boolean concurrently = failure.statement.toUpperCase(Locale.ROOT).contains("CONCURRENTLY");
            return "none of its statements took effect"
                    + (concurrently ? " (but a failed CONCURRENTLY statement can leave an invalid index behind)" : "");
        }
        return tookEffect == 1 ? "its first statement took effect and stays"
                : "its first " + tookEffect + " statements took effect and stay";
    }

    private static String hint(String sqlState, LoadedMigration migration, Scope scope) {
        String generic = scope == Scope.NO_TRANSACTION ? "" : "Fix the migration (or the database) and run again.";
        if (sqlState == null) {
            return generic;
        }
        switch (sqlState) {
            case "55P03":
                return "Another session held a lock on the table longer than the lock timeout"
                        + (migration.lockTimeout() == null ? "" : " (" + migration.lockTimeout() + ")")
                        + ": run again when it is free (pg_locks and pg_stat_activity show the blocker), or raise the"
                        + " lock timeout.";
            case "57014":
                return "The statement was cancelled, by the statement timeout or a cancel request: raise the statement"
                        + " timeout for this migration, or run it when the database is quieter.";
            case "25001":
                return "This statement cannot run inside a transaction: make the migration's transactional() return"
                        + " false, and keep such statements in a migration of their own.";
            case "53200":
                // "out of shared memory": the server's lock table, max_locks_per_transaction x (max_connections +
                // max_prepared_transactions) slots, is full; a migration holds a lock on every object it creates or
                // alters until it commits, so a very large one (an Init of a few thousand tables) runs out
                return "The server's lock table is full: the migration holds a lock on every table, index and"
                        + " sequence it creates or alters until it commits, and PostgreSQL has room for about"
                        + " max_locks_per_transaction x (max_connections + max_prepared_transactions) of them. Raise"
                        + " max_locks_per_transaction (a server restart applies it), or split the migration: generate"
                        + " and run it in steps, first with --packages naming some of the entity packages, then with"
                        + " more, so that each step is a migration, and a transaction, of its own.";
            case "40P01":
                return "It was chosen as the victim of a deadlock with another session: run again.";
            default:
                return sqlState.startsWith("08")
                        ? "The connection to the server was lost: check the status before running again." : generic;
        }
    }
}
