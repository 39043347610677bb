package dev.gen.cli;

import dev.gen.core.GenException;
import dev.gen.core.ExitCodes;
import dev.gen.run.RunOptions;
import dev.gen.run.TransactionMode;
import dev.gen.sql.Durations;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of the commands that take the migration lock. */
final class RunOptionsMixin {

    @Option(names = "--lock-timeout", paramLabel = "<duration>",
            description = "How long to wait for another runner's lock, e.g. 30s, 5m (default: 5m).")
    String lockWait;

    @Option(names = "--db-lock-timeout", paramLabel = "<duration>",
            description = "PostgreSQL lock_timeout for migrations that set none, e.g. 10s.")
    String dbLockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "<duration>",
            description = "PostgreSQL statement_timeout for migrations that set none, e.g. 15min.")
    String statementTimeout;

    @Option(names = "--transaction", paramLabel = "each|all|none",
            description = "each (default): a transaction per migration; all: one for the run; none.")
    String transaction;

    /** The command this mixin belongs to, for its error stream: notices such as "waiting for the lock" go there. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    RunOptions apply(RunOptions options) {
        RunOptions result = options;
        if (command != null) {
            result = result.withNotices(line -> {
                command.commandLine().getErr().println("gen: " + line);
                command.commandLine().getErr().flush();
            });
        }
        if (lockWait != null) {
            result = result.withLockWait(parseDuration(lockWait));
        }
        if (dbLockTimeout != null) {
            result = result.withLockTimeout(postgresDuration("--db-lock-timeout", dbLockTimeout));
        }
        if (statementTimeout != null) {
            result = result.withStatementTimeout(postgresDuration("--statement-timeout", statementTimeout));
        }
        if (transaction != null) {
            try {
                result = result.withTransactionMode(TransactionMode.valueOf(transaction.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new GenException("--transaction takes each, all or none, not " + transaction + ".",
                        ExitCodes.USAGE);
            }
        }
        return result;
    }

    /** A value PostgreSQL takes for lock_timeout and statement_timeout, checked before anything connects. */
    static String postgresDuration(String option, String text) {
        if (!Durations.isPostgres(text)) {
            throw new GenException(option + " '" + text + "' is not a PostgreSQL duration: write "
                    + Durations.POSTGRES_FORM + ", e.g. 10s or 15min; 0 means no limit.", ExitCodes.USAGE);
        }
        return text.trim();
    }

    static Duration parseDuration(String text) {
        return Durations.parseWait(text).orElseThrow(() -> new GenException("Cannot read the duration '" + text
                + "': write " + Durations.WAIT_FORM + ".", ExitCodes.USAGE));
    }
}
