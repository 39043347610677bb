package dev.gen.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        long start = System.nanoTime();
        // Loading (which may compile) happens before locking, so other runners do not wait for the compiler.
        List<LoadedMigration> sources = source.load();
        try (Session session = Session.open(database, options)) {
            Validation validation = validate(session, sources);
            Validation.requireNone(validation.forRun(options.outOfOrder()));
            List<LoadedMigration> pending = upTo(validation.pending(), options.target());
            if (options.fake()) {
                return new RunResult(record(session, pending), true, since(start));
            }
            List<ExecutedMigration> applied = options.transactionMode() == TransactionMode.ALL
                    ? applyAsOneTransaction(session, pending)
                    : applyEach(session, pending);
            return new RunResult(applied, false, since(start));
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
            try {
                long ms;
                if (transactional) {
                    executor.begin();
                    ms = executor.inTransaction(m, m.up(), (c, t) -> history.insert(c, m, t, true));
                    executor.commit();
                } else {
                    ms = executor.outsideTransaction(m, m.up(), (c, t) -> history.insert(c, m, t, false),
                            (c, t) -> history.markSucceeded(c, m.id(), t));
                }
                applied.add(new ExecutedMigration(m.id(), ms));
            } catch (StatementFailure failure) {
                executor.rollbackQuietly();
                throw Failures.of(m, failure, transactional ? Failures.Scope.OWN_TRANSACTION
                        : Failures.Scope.NO_TRANSACTION, false, applied, history.qualifiedName());
            }
        }
        return applied;
    }

    private List<ExecutedMigration> applyAsOneTransaction(Session session, List<LoadedMigration> pending) {
        requireTransactional(pending, "run");
        MigrationExecutor executor = new MigrationExecutor(session, options);
        HistoryTable history = session.history();
        List<ExecutedMigration> applied = new ArrayList<>();
        LoadedMigration current = null;
        try {
            executor.begin();
            for (LoadedMigration m : pending) {
                current = m;
                long ms = executor.inTransaction(m, m.up(), (c, t) -> history.insert(c, m, t, true));
                applied.add(new ExecutedMigration(m.id(), ms));
            }
            executor.commit();
            return applied;
        } catch (StatementFailure failure) {
            executor.rollbackQuietly();
            LoadedMigration failed = current != null ? current : pending.get(0);
            throw Failures.of(failed, failure, Failures.Scope.RUN_TRANSACTION, false, applied,
                    history.qualifiedName());
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
        try {
            executor.begin();
            for (LoadedMigration m : migrations) {
                session.history().insert(session.work(), m, 0, true);
            }
            executor.commit();
        } catch (SQLException e) {
            executor.rollbackQuietly();
            throw recordError(session, e);
        } catch (StatementFailure e) {
            executor.rollbackQuietly();
            throw recordError(session, e.sqlException());
        }
        return migrations.stream().map(m -> new ExecutedMigration(m.id(), 0)).toList();
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
