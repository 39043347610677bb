package dev.gen.run;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a run; start from {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * @param historySchema schema of the history table ({@code public})
 * @param historyTable name of the history table ({@code gen_migrations})
 * @param transactionMode {@link TransactionMode#EACH} by default
 * @param lockWait how long to wait for another runner's advisory lock (5 minutes)
 * @param lockTimeout PostgreSQL's {@code lock_timeout} for migrations that set none themselves (such as
 *     {@code "10s"}), or null for the server's
 * @param statementTimeout PostgreSQL's {@code statement_timeout}, likewise
 * @param outOfOrder apply pending migrations older than the latest applied one instead of refusing
 * @param fake record pending migrations as applied without running them
 * @param target apply only migrations up to and including this version, or null for all
 * @param notices where the runner says what it is waiting for (one line each, no secrets); standard error by
 *     default
 */
public record RunOptions(
        String historySchema,
        String historyTable,
        TransactionMode transactionMode,
        Duration lockWait,
        String lockTimeout,
        String statementTimeout,
        boolean outOfOrder,
        boolean fake,
        String target,
        Consumer<String> notices) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_TABLE = "gen_migrations";
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    public RunOptions {
        requireName(historySchema, "history schema");
        requireName(historyTable, "history table");
        Objects.requireNonNull(transactionMode, "transactionMode");
        Objects.requireNonNull(lockWait, "lockWait");
        Objects.requireNonNull(notices, "notices");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("the lock wait cannot be negative: " + lockWait);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_SCHEMA, DEFAULT_TABLE, TransactionMode.EACH, DEFAULT_LOCK_WAIT, null, null,
                false, false, null, RunOptions::toStandardError);
    }

    public RunOptions withHistoryTable(String schema, String table) {
        return new RunOptions(schema, table, transactionMode, lockWait, lockTimeout, statementTimeout, outOfOrder,
                fake, target, notices);
    }

    public RunOptions withTransactionMode(TransactionMode mode) {
        return new RunOptions(historySchema, historyTable, mode, lockWait, lockTimeout, statementTimeout, outOfOrder,
                fake, target, notices);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(historySchema, historyTable, transactionMode, wait, lockTimeout, statementTimeout,
                outOfOrder, fake, target, notices);
    }

    public RunOptions withLockTimeout(String timeout) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, timeout, statementTimeout,
                outOfOrder, fake, target, notices);
    }

    public RunOptions withStatementTimeout(String timeout) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, lockTimeout, timeout,
                outOfOrder, fake, target, notices);
    }

    public RunOptions withOutOfOrder(boolean allowed) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, lockTimeout, statementTimeout,
                allowed, fake, target, notices);
    }

    public RunOptions withFake(boolean recordOnly) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, lockTimeout, statementTimeout,
                outOfOrder, recordOnly, target, notices);
    }

    public RunOptions withTarget(String version) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, lockTimeout, statementTimeout,
                outOfOrder, fake, version, notices);
    }

    /** Where the runner's notices go, such as the CLI's error stream or an application's log. */
    public RunOptions withNotices(Consumer<String> sink) {
        return new RunOptions(historySchema, historyTable, transactionMode, lockWait, lockTimeout, statementTimeout,
                outOfOrder, fake, target, sink);
    }

    private static void toStandardError(String notice) {
        System.err.println("gen: " + notice);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name cannot be empty");
        }
    }
}
