package dev.gen.core;

import dev.gen.run.RunOptions;
import dev.gen.run.TransactionMode;
import dev.gen.sql.Durations;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The runner's settings as a front end receives them, as text, each read and checked when it is given (before
 * anything connects), so that a mistyped duration is a usage error naming the flag. The values end up in the
 * runtime's {@link RunOptions}, which front ends never handle themselves.
 */
public final class RunSettings {

    private final RunOptions options;

    private RunSettings(RunOptions options) {
        this.options = options;
    }

    public static RunSettings defaults() {
        return new RunSettings(RunOptions.defaults());
    }

    /** Where the runner's notices ("waiting for the lock") go, one line each. */
    public RunSettings withNotices(Consumer<String> sink) {
        return new RunSettings(options.withNotices(sink));
    }

    /** How long to wait for another runner's lock: {@link Durations#WAIT_FORM}. */
    public RunSettings withLockWait(String text) {
        return new RunSettings(options.withLockWait(Durations.parseWait(text).orElseThrow(() -> new GenException(
                "Cannot read the duration '" + text + "': write " + Durations.WAIT_FORM + ".", ExitCodes.USAGE))));
    }

    /** PostgreSQL's lock_timeout for migrations that set none; {@code flag} names the setting in the error. */
    public RunSettings withLockTimeout(String flag, String text) {
        return new RunSettings(options.withLockTimeout(postgresDuration(flag, text)));
    }

    /** PostgreSQL's statement_timeout for migrations that set none; {@code flag} names the setting in the error. */
    public RunSettings withStatementTimeout(String flag, String text) {
        return new RunSettings(options.withStatementTimeout(postgresDuration(flag, text)));
    }

    /** {@code each}, {@code all} or {@code none}, in any case; {@code flag} names the setting in the error. */
    public RunSettings withTransaction(String flag, String text) {
        try {
            return new RunSettings(options.withTransactionMode(TransactionMode.valueOf(text.toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            throw new GenException(flag + " takes each, all or none, not " + text + ".", ExitCodes.USAGE);
        }
    }

    public RunSettings withOutOfOrder(boolean allowed) {
        return new RunSettings(options.withOutOfOrder(allowed));
    }

    public RunSettings withFake(boolean recordOnly) {
        return new RunSettings(options.withFake(recordOnly));
    }

    /** Apply only up to this version; null for all. */
    public RunSettings withTarget(String version) {
        return new RunSettings(options.withTarget(version));
    }

    /** The runtime's options, for the façade. */
    RunOptions options() {
        return options;
    }

    /** A value PostgreSQL takes for lock_timeout and statement_timeout, checked before anything connects. */
    private static String postgresDuration(String flag, String text) {
        if (!Durations.isPostgres(text)) {
            throw new GenException(flag + " '" + text + "' is not a PostgreSQL duration: write "
                    + Durations.POSTGRES_FORM + ", e.g. 10s or 15min; 0 means no limit.", ExitCodes.USAGE);
        }
        return text.trim();
    }
}
