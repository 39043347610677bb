package dev.gen.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repair}: after the user fixed the database by hand, deletes failed records (those migrations become
 * pending again) and, unless only failed records are to go, accepts the current checksum of edited applied
 * migrations. Under the lock, in one transaction.
 */
final class RepairCommand {

    private final ConnectionFactory database;
    private final MigrationSource source;
    private final RunOptions options;

    RepairCommand(ConnectionFactory database, MigrationSource source, RunOptions options) {
        this.database = database;
        this.source = source;
        this.options = options;
    }

    RepairResult repair(boolean realignChecksums) {
        // Only realigning needs the sources; resolving failed records must work even when one does not compile.
        List<LoadedMigration> sources = realignChecksums ? source.load() : List.of();
        try (Session session = Session.open(database, options)) {
            List<MigrationId> removed = new ArrayList<>();
            List<MigrationId> realigned = new ArrayList<>();
            MigrationExecutor executor = new MigrationExecutor(session, options);
            try {
                Validation validation = new Validation(sources, session.readHistory(), source.describe(),
                        session.history().qualifiedName());
                executor.begin();
                executor.claimInTransaction(c -> true);
                for (HistoryRow row : validation.history()) {
                    LoadedMigration m = validation.source(row.id());
                    if (!row.success()) {
                        session.history().delete(session.work(), row.id());
                        removed.add(row.id());
                    } else if (realignChecksums && m != null && (Checksums.edited(row.checksum(), m.checksum())
                            || Checksums.upgradable(row.checksum(), m.checksum()))) {
                        session.history().updateChecksum(session.work(), row.id(), m.checksum());
                        realigned.add(row.id());
                    }
                }
                executor.commit();
            } catch (SQLException e) {
                executor.rollbackQuietly();
                throw repairError(e);
            } catch (StatementFailure e) {
                executor.rollbackQuietly();
                throw repairError(e.sqlException());
            }
            return new RepairResult(removed, realigned);
        }
    }

    private static MigrationException repairError(SQLException e) {
        return new MigrationException("Cannot repair the history table: " + StatementRunner.describe(e)
                + ". Nothing was changed.", e);
    }
}
