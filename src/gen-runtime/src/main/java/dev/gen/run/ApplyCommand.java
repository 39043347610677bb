package dev.gen.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code run}: applies pending migrations (or only records them, for fake and baseline) under the lock. */
final class ApplyCommand {

    private final ConnectionFactory database;
    private final MigrationSource source;
    private final RunOptions options;

    ApplyCommand(ConnectionFactory database, MigrationSource source, RunOptions options) {
        this.database = database;
        this.source = source;
        this.options = options;
    }

    RunResult run() {
        return run(true, result -> result);
    }

    /**
     * Applies the pending migrations (none when {@code migrate} is false), then calls {@code then} while the lock is
     * still held, so that no other runner changes the schema before {@code then} is done.
     */
    <T> T run(boolean migrate, Function<RunResult, T> then) {
        long start = System.nanoTime();
        // Loading (which may compile) happens before locking, so other runners do not wait for the compiler.
        List<LoadedMigration> sources = migrate ? source.load() : List.of();
        try (Session session = Session.open(database, options)) {
            if (!migrate) {
                return then.apply(new RunResult(List.of(), false, since(start)));
            }
            Validation validation = validate(session, sources);
            Validation.requireNone(validation.forRun(options.outOfOrder()));
            List<LoadedMigration> pending = upTo(validation.pending(), options.target());
            upgradeChecksums(session, validation, options);
            if (options.fake()) {
                return then.apply(new RunResult(record(session, pending), true, since(start)));
            }
            prepare(pending);
            List<ExecutedMigration> applied = options.transactionMode() == TransactionMode.ALL
                    ? applyAsOneTransaction(session, pending)
                    : applyEach(session, pending);
            return then.apply(new RunResult(applied, false, since(start)));
        }
    }

    /** {@code baseline}: records every migration up to {@code version} as applied, running none. */
    RunResult baseline(String version) {
        long start = System.nanoTime();
        List<LoadedMigration> sources = source.load();
        if (sources.stream().noneMatch(m -> m.id().version().equals(version))) {
            throw new MigrationException("Cannot baseline at " + version + ": " + source.describe() + " has no"
                    + " migration with that version. Give the version of an existing migration (the 14 digits of"
                    + " its name).");
        }
        try (Session session = Session.open(database, options)) {
            Validation validation = validate(session, sources);
            // Out-of-order is no concern here: recording older migrations is what a baseline is for.
            Validation.requireNone(validation.forRun(true));
            upgradeChecksums(session, validation, options);
            return new RunResult(record(session, upTo(validation.pending(), version)), true, since(start));
        }
    }

    private Validation validate(Session session, List<LoadedMigration> sources) {
        try {
            return new Validation(sources, session.readHistory(), source.describe(),
                    session.history().qualifiedName(), source.applicationLocation());
        } catch (SQLException e) {
            throw historyError(e);
        }
    }

    private List<ExecutedMigration> applyEach(Session session, List<LoadedMigration> pending) {
        MigrationExecutor executor = new MigrationExecutor(session, options);
        HistoryTable history = session.history();
        List<ExecutedMigration> applied = new ArrayList<>();
        for (LoadedMigration m : pending) {
            boolean transactional = m.transactional() && options.transactionMode() == TransactionMode.EACH;
            MigrationExecutor.Claim notYetApplied = c -> stillPending(history, c, m);
            try {
                long ms;
                if (transactional) {
                    executor.begin();
                    if (!executor.claimInTransaction(notYetApplied)) {
                        executor.commit();
                        continue;
                    }
                    ms = executor.inTransaction(m, "up()", ctx -> m.migration().up(ctx),
                            (c, t) -> history.insert(c, m, t, true));
                    executor.commit();
                } else {
                    try {
                        if (!executor.claimOutsideTransaction(notYetApplied)) {
                            continue;
                        }
                        ms = executor.outsideTransaction(m, "up()", ctx -> m.migration().up(ctx),
                                (c, t) -> history.insert(c, m, t, false),
                                (c, t) -> history.markSucceeded(c, m.id(), t), (c, t) -> history.delete(c, m.id()));
                    } finally {
                        executor.releaseClaim();
                    }
                }
                applied.add(new ExecutedMigration(m.id(), ms));
            } catch (StatementFailure failure) {
                boolean rolledBack = executor.rollbackQuietly();
                throw Failures.of(m, failure, transactional ? Failures.Scope.OWN_TRANSACTION
                        : Failures.Scope.NO_TRANSACTION, false, applied, history.qualifiedName(), rolledBack);
            } catch (LockLostException lost) {
                executor.rollbackQuietly();
                throw lockLost(lost, m, transactional, false, applied);
            } catch (RuntimeException e) {
                executor.rollbackQuietly();
                throw e;
            }
        }
        return applied;
    }

    /** Under the work lock: false (and a notice) when another runner recorded it since this run read the history. */
    private boolean stillPending(HistoryTable history, java.sql.Connection c, LoadedMigration m)
            throws SQLException {
        if (!history.recorded(c, m.id())) {
            return true;
        }
        options.notices().accept("Migration " + m.id() + " was applied by another runner meanwhile; skipped.");
        return false;
    }

    /** The lock was lost while {@code m} ran: say what was rolled back, what stays, and what to do. */
    static LockLostException lockLost(LockLostException lost, LoadedMigration m, boolean transactional,
            boolean revert, List<ExecutedMigration> completed) {
        String done = revert ? "reverted" : "applied";
        return new LockLostException(lost.getMessage() + " " + (transactional
                ? "Migration " + m.id() + " was rolled back" + (revert ? " and stays applied." : " and not recorded.")
                : "Migration " + m.id() + " runs outside a transaction, so the statements it executed before"
                        + " this stay; it is recorded as failed.")
                + (completed.isEmpty() ? "" : " The " + Messages.plural(completed.size(), "migration") + " "
                        + done + " before it in this run stay " + done + ".")
                + " Check with gen migration:status once no other runner is working, then run again.", lost);
    }

    private List<ExecutedMigration> applyAsOneTransaction(Session session, List<LoadedMigration> pending) {
        requireTransactional(pending, "run");
        MigrationExecutor executor = new MigrationExecutor(session, options);
        HistoryTable history = session.history();
        List<ExecutedMigration> applied = new ArrayList<>();
        LoadedMigration current = null;
        try {
            executor.begin();
            executor.claimInTransaction(c -> true);
            for (LoadedMigration m : pending) {
                current = m;
                if (!stillPending(history, session.work(), m)) {
                    continue;
                }
                long ms = executor.inTransaction(m, "up()", ctx -> m.migration().up(ctx),
                        (c, t) -> history.insert(c, m, t, true));
                applied.add(new ExecutedMigration(m.id(), ms));
            }
            executor.commit();
            return applied;
        } catch (StatementFailure failure) {
            boolean rolledBack = executor.rollbackQuietly();
            LoadedMigration failed = current != null ? current : pending.get(0);
            throw Failures.of(failed, failure, Failures.Scope.RUN_TRANSACTION, false, applied,
                    history.qualifiedName(), rolledBack);
        } catch (SQLException e) {
            executor.rollbackQuietly();
            throw historyError(e);
        } catch (LockLostException lost) {
            executor.rollbackQuietly();
            throw new LockLostException(lost.getMessage() + " The whole run was one transaction and was rolled"
                    + " back: no migration was applied. Run again.", lost);
        } catch (RuntimeException e) {
            executor.rollbackQuietly();
            throw e;
        }
    }

    /**
     * Creates every migration about to run and reads its settings, so that a static initializer, constructor or
     * setting that throws stops the command before anything is executed.
     */
    static void prepare(List<LoadedMigration> migrations) {
        for (LoadedMigration m : migrations) {
            m.migration();
            m.transactional();
            m.lockTimeout();
            m.statementTimeout();
            m.searchPath();
        }
    }

    /**
     * Rewrites checksums written under gen's former rule (see {@link Checksums}) to the current one, in one
     * transaction under the lock. Such a row was accepted by the validation; from now on it is verified.
     */
    static void upgradeChecksums(Session session, Validation validation, RunOptions options) {
        List<HistoryRow> legacy = validation.history().stream().filter(row -> validation.source(row.id()) != null
                && Checksums.upgradable(row.checksum(), validation.source(row.id()).checksum())).toList();
        if (legacy.isEmpty()) {
            return;
        }
        MigrationExecutor executor = new MigrationExecutor(session, options);
        try {
            executor.begin();
            for (HistoryRow row : legacy) {
                session.history().updateChecksum(session.work(), row.id(), validation.source(row.id()).checksum());
            }
            executor.commit();
        } catch (SQLException e) {
            executor.rollbackQuietly();
            throw historyError(e);
        } catch (StatementFailure e) {
            executor.rollbackQuietly();
            throw historyError(e.sqlException());
        } catch (RuntimeException e) {
            executor.rollbackQuietly();
            throw e;
        }
    }

    /** Transaction mode ALL cannot hold statements such as CREATE INDEX CONCURRENTLY. */
    static void requireTransactional(List<LoadedMigration> migrations, String command) {
        List<MigrationId> outside = migrations.stream().filter(m -> !m.transactional()).map(LoadedMigration::id)
                .toList();
        if (!outside.isEmpty()) {
            Validation.requireNone(List.of("Transaction mode ALL runs the whole " + command + " in one transaction,"
                    + " but " + Messages.ids(outside) + (outside.size() == 1 ? " declares" : " declare")
                    + " transactional() false (statements such as CREATE INDEX CONCURRENTLY cannot run in a"
                    + " transaction). Use transaction mode EACH, or limit the " + command + " to the migrations"
                    + " before " + outside.get(0) + "."));
        }
    }

    /** Records migrations as applied without running them, in one transaction. */
    private List<ExecutedMigration> record(Session session, List<LoadedMigration> migrations) {
        MigrationExecutor executor = new MigrationExecutor(session, options);
        List<ExecutedMigration> recorded = new ArrayList<>();
        try {
            executor.begin();
            executor.claimInTransaction(c -> true);
            for (LoadedMigration m : migrations) {
                if (stillPending(session.history(), session.work(), m)) {
                    session.history().insert(session.work(), m, 0, true);
                    recorded.add(new ExecutedMigration(m.id(), 0));
                }
            }
            executor.commit();
        } catch (SQLException e) {
            executor.rollbackQuietly();
            throw recordError(session, e);
        } catch (StatementFailure e) {
            executor.rollbackQuietly();
            throw recordError(session, e.sqlException());
        } catch (RuntimeException e) {
            executor.rollbackQuietly();
            throw e;
        }
        return recorded;
    }

    private static MigrationException recordError(Session session, SQLException e) {
        return new MigrationException("Cannot record migrations as applied in " + session.history().qualifiedName()
                + ": " + StatementRunner.describe(e) + ". Nothing was recorded.", e);
    }

    static List<LoadedMigration> upTo(List<LoadedMigration> migrations, String target) {
        return target == null ? migrations
                : migrations.stream().filter(m -> m.id().version().compareTo(target) <= 0).toList();
    }

    static MigrationException historyError(SQLException e) {
        return new MigrationException("Cannot read the history table: " + StatementRunner.describe(e)
                + ". Nothing was executed.", e);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
