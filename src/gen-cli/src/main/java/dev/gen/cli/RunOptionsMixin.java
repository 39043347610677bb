package dev.gen.cli;

import dev.gen.core.RunSettings;
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

    /** The runner's settings these flags give, each checked now, before anything connects. */
    RunSettings settings() {
        RunSettings result = RunSettings.defaults();
        if (command != null) {
            result = result.withNotices(line -> {
                command.commandLine().getErr().println("gen: " + line);
                command.commandLine().getErr().flush();
            });
        }
        if (lockWait != null) {
            result = result.withLockWait(lockWait);
        }
        if (dbLockTimeout != null) {
            result = result.withLockTimeout("--db-lock-timeout", dbLockTimeout);
        }
        if (statementTimeout != null) {
            result = result.withStatementTimeout("--statement-timeout", statementTimeout);
        }
        if (transaction != null) {
            result = result.withTransaction("--transaction", transaction);
        }
        return result;
    }
}
