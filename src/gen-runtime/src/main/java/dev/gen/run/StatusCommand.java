package dev.gen.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code status}: every migration known from the source or the history table and where it stands. Read-only and
 * without the lock: it neither waits for a running migration nor creates the history table.
 */
final class StatusCommand {

    private final ConnectionFactory database;
    private final MigrationSource source;
    private final RunOptions options;

    StatusCommand(ConnectionFactory database, MigrationSource source, RunOptions options) {
        this.database = database;
        this.source = source;
        this.options = options;
    }

    List<MigrationStatus> status() {
        List<LoadedMigration> sources = source.load();
        HistoryTable table = new HistoryTable(options.historySchema(), options.historyTable());
        List<HistoryRow> history;
        try (Connection c = database.open()) {
            history = table.read(c);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the history table " + table.qualifiedName() + " on "
                    + database.describe() + ": " + StatementRunner.describe(e) + ".", e);
        }
        return of(sources, history, source.applicationLocation());
    }

    static List<MigrationStatus> of(List<LoadedMigration> sources, List<HistoryRow> history) {
        return of(sources, history, null);
    }

    /** A library's pending migration is pending, never out of order (see {@link Validation#outOfOrder()}). */
    static List<MigrationStatus> of(List<LoadedMigration> sources, List<HistoryRow> history,
            String applicationLocation) {
        Validation rules = new Validation(sources, history, "", "", applicationLocation);
        Map<String, LoadedMigration> byVersion =
                sources.stream().collect(Collectors.toMap(m -> m.id().version(), Function.identity()));
        List<MigrationStatus> lines = new ArrayList<>();
        String latest = null;
        for (HistoryRow row : history) {
            LoadedMigration m = byVersion.remove(row.id().version());
            MigrationState state;
            if (!row.success()) {
                state = MigrationState.FAILED;
            } else if (m == null) {
                state = MigrationState.MISSING;
            } else if (Checksums.edited(row.checksum(), m.checksum())) {
                state = MigrationState.CHECKSUM_MISMATCH;
            } else {
                state = MigrationState.APPLIED;
            }
            lines.add(new MigrationStatus(m == null ? row.id() : m.id(), state, row.appliedAt(), row.executionMs(),
                    row.who(), m == null ? null : m.origin(), m == null ? row.location() : m.location()));
            if (m == null || !rules.fromLibrary(m)) {
                latest = row.id().version();
            }
        }
        for (LoadedMigration m : byVersion.values()) {
            boolean older = latest != null && m.id().version().compareTo(latest) < 0 && !rules.fromLibrary(m);
            lines.add(new MigrationStatus(m.id(), older ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING, null,
                    null, null, m.origin(), m.location()));
        }
        lines.sort(Comparator.comparing(MigrationStatus::id));
        return lines;
    }
}
