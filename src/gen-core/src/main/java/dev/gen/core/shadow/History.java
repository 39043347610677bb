package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.ShadowAccess;
import dev.gen.run.LoadedMigration;
import dev.gen.run.MigrationException;
import dev.gen.run.MigrationFailedException;
import dev.gen.run.MigrationSource;
import dev.gen.run.MigrationState;
import dev.gen.run.MigrationStatus;
import dev.gen.run.Migrations;
import dev.gen.run.RunOptions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migrations of the configured locations, loaded (compiled) once, and replayed into a shadow database with
 * gen's own runner: the same lock, transactions and history table as {@code migration:run} on the target.
 */
final class History {

    private final GenConfig target;
    private final List<LoadedMigration> migrations;

    private History(GenConfig target, List<LoadedMigration> migrations) {
        this.target = target;
        this.migrations = migrations;
    }

    /** An absent migrations directory is an empty history: the first migration is yet to be written. */
    static History load(GenConfig target) {
        if (target.migrationsClasspath().isEmpty() && !java.nio.file.Files.exists(target.migrationsDir())) {
            return new History(target, List.of());
        }
        return new History(target, ShadowAccess.source(target).load());
    }

    /** Where the migrations come from, for messages. */
    String describe() {
        return target.migrationsClasspath().isEmpty() ? "the migrations directory " + target.migrationsDir()
                : "the migrations classpath " + target.migrationsClasspath();
    }

    List<LoadedMigration> all() {
        return migrations;
    }

    /** The migrations whose version is in {@code versions}, in order. */
    List<LoadedMigration> only(Set<String> versions) {
        return migrations.stream().filter(m -> versions.contains(m.id().version())).toList();
    }

    /** The migrations older than {@code version}. */
    List<LoadedMigration> before(String version) {
        return migrations.stream().filter(m -> m.id().version().compareTo(version) < 0).toList();
    }

    /** A runner on the shadow database for exactly {@code subset}. */
    Migrations runner(ShadowDatabase shadow, List<LoadedMigration> subset) {
        return new Migrations(shadow.connections(), MigrationSource.of(subset),
                dev.gen.core.Migrations.options(target, RunOptions.defaults()));
    }

    /** Applies {@code subset} in the shadow; a failure says that it happened in the shadow, with the runner's words. */
    void replay(ShadowDatabase shadow, List<LoadedMigration> subset) {
        try {
            runner(shadow, subset).run();
        } catch (MigrationException e) {
            throw new GenException("Replaying the migrations into the shadow database " + shadow.name()
                    + " failed, so the history does not build a database on its own: " + e.getMessage(),
                    e instanceof MigrationFailedException ? ExitCodes.MIGRATION_FAILED : ExitCodes.MIGRATIONS, e);
        }
    }

    /**
     * The versions applied on the target, read from its history table without the lock. An applied migration whose
     * source was edited or is missing, or a failed one, cannot be replayed faithfully: refused (exit 6).
     */
    Set<String> appliedOnTarget() {
        List<MigrationStatus> status = new Migrations(ShadowAccess.connections(target), MigrationSource.of(migrations),
                dev.gen.core.Migrations.options(target, RunOptions.defaults())).status();
        List<MigrationStatus> troubled = status.stream().filter(s -> s.state() == MigrationState.CHECKSUM_MISMATCH
                || s.state() == MigrationState.MISSING || s.state() == MigrationState.FAILED).toList();
        if (!troubled.isEmpty()) {
            throw new GenException("The target's history disagrees with the migrations ("
                    + troubled.stream().map(s -> s.id().simpleName() + " " + s.state().name().toLowerCase()
                            .replace('_', ' ')).collect(Collectors.joining(", "))
                    + "), so the shadow cannot rebuild what the target ran. See gen migration:show, and settle it"
                    + " with gen migration:repair or by restoring the sources.", ExitCodes.MIGRATIONS);
        }
        return status.stream().filter(s -> s.state() == MigrationState.APPLIED).map(s -> s.id().version())
                .collect(Collectors.toSet());
    }
}
