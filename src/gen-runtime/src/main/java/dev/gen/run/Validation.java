package dev.gen.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the migrations with the history table before a command runs anything. Every problem is a sentence or
 * two saying what is wrong and what to do; {@link #requireNone} turns them into one exception.
 */
final class Validation {

    private final List<LoadedMigration> sources;
    private final List<HistoryRow> history;
    private final Map<String, LoadedMigration> sourceByVersion;
    private final String sourceDescription;
    private final String historyName;
    private final String applicationLocation;

    Validation(List<LoadedMigration> sources, List<HistoryRow> history, String sourceDescription, String historyName) {
        this(sources, history, sourceDescription, historyName, null);
    }

    /**
     * @param applicationLocation the location whose migrations keep the strict order rule; migrations of every other
     *     location come from libraries and apply whenever they appear. Null: every migration is the application's.
     */
    Validation(List<LoadedMigration> sources, List<HistoryRow> history, String sourceDescription, String historyName,
            String applicationLocation) {
        this.applicationLocation = applicationLocation;
        this.sources = sources;
        this.history = history;
        this.sourceByVersion = sources.stream().collect(Collectors.toMap(m -> m.id().version(), Function.identity()));
        this.sourceDescription = sourceDescription;
        this.historyName = historyName;
    }

    List<HistoryRow> history() {
        return history;
    }

    LoadedMigration source(MigrationId id) {
        return sourceByVersion.get(id.version());
    }

    /** Sources with no history record, oldest first. */
    List<LoadedMigration> pending() {
        var recorded = history.stream().map(r -> r.id().version()).collect(Collectors.toSet());
        return sources.stream().filter(m -> !recorded.contains(m.id().version())).toList();
    }

    /** The newest version in the history table, or null when it is empty. */
    String latestRecordedVersion() {
        return history.isEmpty() ? null : history.get(history.size() - 1).id().version();
    }

    /** Everything a run checks: failed records, edited or missing applied migrations, pending ones out of order. */
    List<String> forRun(boolean outOfOrderAllowed) {
        List<String> problems = new ArrayList<>(failed());
        for (HistoryRow row : history) {
            if (row.success()) {
                problems.addAll(appliedProblem(row));
            }
        }
        if (!outOfOrderAllowed) {
            problems.addAll(outOfOrder());
        }
        return problems;
    }

    List<String> failed() {
        List<String> problems = new ArrayList<>();
        for (HistoryRow row : history) {
            if (!row.success()) {
                problems.add("Migration " + row.id() + " failed on " + Messages.time(row.appliedAt())
                        + " outside a transaction (or its runner was killed while running it), so some of its"
                        + " statements (of its up, or of its down when reverting) may have taken effect. Bring the"
                        + " database back by hand to its state without this migration, then run gen migration:repair"
                        + " to delete the failed record from " + historyName
                        + "; the next run applies it again.");
            }
        }
        return problems;
    }

    /** A problem with one applied record: its source is gone or was edited. */
    List<String> appliedProblem(HistoryRow row) {
        LoadedMigration source = sourceByVersion.get(row.id().version());
        if (source == null) {
            return List.of("Migration " + row.id() + " was applied on " + Messages.time(row.appliedAt())
                    + " but is missing from " + sourceDescription + ". Restore it: migrations that ran must stay"
                    + " with the others, so that their checksums can be verified and they can be reverted.");
        }
        if (Checksums.edited(row.checksum(), source.checksum())) {
            return List.of("Migration " + row.id() + " (" + source.origin() + ") was applied on "
                    + Messages.time(row.appliedAt()) + " with checksum " + Messages.shortChecksum(row.checksum())
                    + ", but it now has checksum " + Messages.shortChecksum(source.checksum())
                    + ": it was edited after it ran. Revert the edit, or keep the original and write a new migration"
                    + " for the further change. If the database already matches the edited version, run gen"
                    + " migration:repair to accept the new checksum.");
        }
        return List.of();
    }

    /**
     * The application's pending migrations older than its newest applied one. A library's migrations are never out
     * of order: a library upgrade brings migrations older than the application's latest, and they are expected to
     * run when they appear (Flyway's outOfOrder, scoped to the library's location). The application's newest applied
     * migration is the newest record that is not a library migration, so a library's newer timestamps never make the
     * application's own migrations look late.
     */
    List<String> outOfOrder() {
        var libraryVersions = sources.stream().filter(this::fromLibrary).map(m -> m.id().version())
                .collect(Collectors.toSet());
        HistoryRow latest = null;
        for (HistoryRow row : history) {
            if (!libraryVersions.contains(row.id().version())) {
                latest = row;
            }
        }
        if (latest == null) {
            return List.of();
        }
        String latestVersion = latest.id().version();
        List<MigrationId> older = pending().stream().filter(m -> !fromLibrary(m)).map(LoadedMigration::id)
                .filter(id -> id.version().compareTo(latestVersion) < 0).toList();
        if (older.isEmpty()) {
            return List.of();
        }
        return List.of((older.size() == 1 ? "Migration " + older.get(0) + " is" : "Migrations " + Messages.ids(older)
                + " are") + " pending but older than " + latest.id() + ", the latest applied"
                + " one (probably merged from another branch). Give " + (older.size() == 1 ? "it" : "them")
                + " a newer timestamp if " + (older.size() == 1 ? "it does" : "they do") + " not depend on the order,"
                + " or run with --out-of-order to apply " + (older.size() == 1 ? "it" : "them") + " anyway.");
    }

    /** Found in a location other than the application's own: shipped by a library. */
    boolean fromLibrary(LoadedMigration migration) {
        return applicationLocation != null && migration.location() != null
                && !applicationLocation.equals(migration.location());
    }

    static void requireNone(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new MigrationValidationException(problems);
        }
    }
}
