package dev.gen.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** {@code revert}: runs {@code down} of the latest applied migrations, newest first, each with its record's removal. */
final class RevertCommand {

    private final ConnectionFactory database;
    private final MigrationSource source;
    private final RunOptions options;

    RevertCommand(ConnectionFactory database, MigrationSource source, RunOptions options) {
        this.database = database;
        this.source = source;
        this.options = options;
    }

    RevertResult last(int count) {
        if (count < 1) {
            throw new MigrationException("Cannot revert " + count + " migrations: give a count of at least 1.");
        }
        return revert(applied -> applied.subList(0, Math.min(count, applied.size())));
    }

    /** Reverts every applied migration newer than {@code version}; that one stays applied. */
    RevertResult to(String version) {
        return revert(applied -> {
            if (applied.stream().noneMatch(r -> r.id().version().equals(version))) {
                throw new MigrationValidationException(List.of("Cannot revert to " + version + ": no applied"
                        + " migration has that version" + (applied.isEmpty() ? " (none is applied)." : "; applied are "
                        + Messages.ids(applied.stream().map(HistoryRow::id).toList()) + ".")));
            }
            return applied.stream().filter(r -> r.id().version().compareTo(version) > 0).toList();
        });
    }

    /** {@code choose} gets the applied records newest first and picks those to revert. */
    private RevertResult revert(Function<List<HistoryRow>, List<HistoryRow>> choose) {
        long start = System.nanoTime();
        List<LoadedMigration> sources = source.load();
        try (Session session = Session.open(database, options)) {
            Validation validation;
            try {
                validation = new Validation(sources, session.readHistory(), source.describe(),
                        session.history().qualifiedName());
            } catch (SQLException e) {
                throw ApplyCommand.historyError(e);
            }
            List<HistoryRow> applied = new ArrayList<>(validation.history());
            Collections.reverse(applied);
            List<String> problems = new ArrayList<>(validation.failed());
            Validation.requireNone(problems);
            List<LoadedMigration> chosen = new ArrayList<>();
            for (HistoryRow row : choose.apply(applied)) {
                problems.addAll(revertProblems(validation, row));
                chosen.add(validation.source(row.id()));
            }
            Validation.requireNone(problems);
            ApplyCommand.upgradeChecksums(session, validation, options);
            ApplyCommand.prepare(chosen);
            List<ExecutedMigration> reverted = options.transactionMode() == TransactionMode.ALL
                    ? revertAsOneTransaction(session, chosen)
                    : revertEach(session, chosen);
            return new RevertResult(reverted, ApplyCommand.since(start));
        }
    }

    private static List<String> revertProblems(Validation validation, HistoryRow row) {
        LoadedMigration migration = validation.source(row.id());
        if (migration == null) {
            return List.of("Cannot revert migration " + row.id() + ": its source is missing, so gen does not know"
                    + " its down statements. Restore the migration first.");
        }
        return validation.appliedProblem(row);
    }

    private List<ExecutedMigration> revertEach(Session session, List<LoadedMigration> chosen) {
        MigrationExecutor executor = new MigrationExecutor(session, options);
        HistoryTable history = session.history();
        List<ExecutedMigration> reverted = new ArrayList<>();
        for (LoadedMigration m : chosen) {
            boolean transactional = m.transactional() && options.transactionMode() == TransactionMode.EACH;
            MigrationExecutor.Claim stillApplied = c -> stillApplied(history, c, m);
            try {
                long ms;
                if (transactional) {
                    executor.begin();
                    if (!executor.claimInTransaction(stillApplied)) {
                        executor.commit();
                        continue;
                    }
                    ms = executor.inTransaction(m, "down()", ctx -> m.migration().down(ctx),
                            (c, t) -> history.delete(c, m.id()));
                    executor.commit();
                } else {
                    try {
                        if (!executor.claimOutsideTransaction(stillApplied)) {
                            continue;
                        }
                        ms = executor.outsideTransaction(m, "down()", ctx -> m.migration().down(ctx),
                                (c, t) -> history.markFailed(c, m.id(), 0), (c, t) -> history.delete(c, m.id()),
                                (c, t) -> history.markApplied(c, m.id()));
                    } finally {
                        executor.releaseClaim();
                    }
                }
                reverted.add(new ExecutedMigration(m.id(), ms));
            } catch (StatementFailure failure) {
                boolean rolledBack = executor.rollbackQuietly();
                throw Failures.of(m, failure, transactional ? Failures.Scope.OWN_TRANSACTION
                        : Failures.Scope.NO_TRANSACTION, true, reverted, history.qualifiedName(), rolledBack);
            } catch (LockLostException lost) {
                executor.rollbackQuietly();
                throw ApplyCommand.lockLost(lost, m, transactional, true, reverted);
            } catch (RuntimeException e) {
                executor.rollbackQuietly();
                throw e;
            }
        }
        return reverted;
    }

    /** Under the work lock: false (and a notice) when another runner reverted it since this run read the history. */
    private boolean stillApplied(HistoryTable history, java.sql.Connection c, LoadedMigration m)
            throws SQLException {
        if (history.recorded(c, m.id())) {
            return true;
        }
        options.notices().accept("Migration " + m.id() + " was reverted by another runner meanwhile; skipped.");
        return false;
    }

    private List<ExecutedMigration> revertAsOneTransaction(Session session, List<LoadedMigration> chosen) {
        ApplyCommand.requireTransactional(chosen, "revert");
        MigrationExecutor executor = new MigrationExecutor(session, options);
        HistoryTable history = session.history();
        List<ExecutedMigration> reverted = new ArrayList<>();
        LoadedMigration current = null;
        try {
            executor.begin();
            executor.claimInTransaction(c -> true);
            for (LoadedMigration m : chosen) {
                current = m;
                if (!stillApplied(history, session.work(), m)) {
                    continue;
                }
                long ms = executor.inTransaction(m, "down()", ctx -> m.migration().down(ctx),
                        (c, t) -> history.delete(c, m.id()));
                reverted.add(new ExecutedMigration(m.id(), ms));
            }
            executor.commit();
            return reverted;
        } catch (StatementFailure failure) {
            boolean rolledBack = executor.rollbackQuietly();
            throw Failures.of(current != null ? current : chosen.get(0), failure, Failures.Scope.RUN_TRANSACTION,
                    true, reverted, history.qualifiedName(), rolledBack);
        } catch (SQLException e) {
            executor.rollbackQuietly();
            throw ApplyCommand.historyError(e);
        } catch (LockLostException lost) {
            executor.rollbackQuietly();
            throw new LockLostException(lost.getMessage() + " The whole revert was one transaction and was rolled"
                    + " back: no migration was reverted. Run again.", lost);
        } catch (RuntimeException e) {
            executor.rollbackQuietly();
            throw e;
        }
    }
}
