package dev.gen.run;

import java.util.List;
import java.util.Objects;

/**
 * The runner's entry point: one database, one source of migrations, one set of options. Every command loads the
 * migrations afresh (so edits between commands are seen), and every command that writes takes the advisory lock
 * and validates the history table before it executes anything.
 *
 * <pre>{@code
 * Migrations migrations = new Migrations(ConnectionFactory.of(url, user, password),
 *         dev.gen.compile.MigrationSources.directory(Path.of("generated")), RunOptions.defaults());
 * RunResult result = migrations.run();
 * }</pre>
 *
 * <p>Each method throws {@link MigrationException} (or a subclass) with a one-paragraph message; it holds no
 * password. Instances are immutable; several may run at once, even in several processes: the lock serialises them.
 */
public final class Migrations {

    private final ConnectionFactory database;
    private final MigrationSource source;
    private final RunOptions options;

    public Migrations(ConnectionFactory database, MigrationSource source, RunOptions options) {
        this.database = Objects.requireNonNull(database, "database");
        // Every migration is tagged with its location, which its history record keeps.
        this.source = MigrationLocations.tagged(Objects.requireNonNull(source, "source"));
        this.options = Objects.requireNonNull(options, "options");
    }

    public RunOptions options() {
        return options;
    }

    /** A copy with other options, same database and source. */
    public Migrations with(RunOptions newOptions) {
        return new Migrations(database, source, newOptions);
    }

    /**
     * Applies the pending migrations (up to {@link RunOptions#target()}), or with {@link RunOptions#fake()} only
     * records them as applied.
     *
     * @throws MigrationValidationException before anything ran: an applied migration was edited or is missing, a
     *     pending one is out of order, a failed one is unresolved, or mode ALL meets a non-transactional migration
     * @throws MigrationFailedException a statement failed; the message says what remains of it
     * @throws LockTimeoutException another runner held the lock longer than {@link RunOptions#lockWait()}
     */
    public RunResult run() {
        return new ApplyCommand(database, source, options).run();
    }

    /**
     * Applies the pending migrations as {@link #run()} does (or none, when {@code migrate} is false), then calls
     * {@code then} with the result while still holding the migration lock: work that needs the schema to stay as the
     * migrations left it (gen's {@code seed}) runs before any other runner may change it. {@code then} opens its own
     * connections; its exceptions propagate after the lock is released.
     */
    public <T> T runThen(boolean migrate, java.util.function.Function<RunResult, T> then) {
        return new ApplyCommand(database, source, options).run(migrate, then);
    }

    /** Records every migration up to and including {@code version} as applied without running it. */
    public RunResult baseline(String version) {
        return new ApplyCommand(database, source, options).baseline(version);
    }

    /** Runs {@code down} of the latest {@code count} applied migrations, newest first. */
    public RevertResult revert(int count) {
        return new RevertCommand(database, source, options).last(count);
    }

    /** Reverts every applied migration newer than {@code version}; {@code version} itself stays applied. */
    public RevertResult revertTo(String version) {
        return new RevertCommand(database, source, options).to(version);
    }

    /** Every migration from the source and the history table, oldest first. Takes no lock and creates nothing. */
    public List<MigrationStatus> status() {
        return new StatusCommand(database, source, options).status();
    }

    /**
     * Deletes the records of failed migrations, once the database has been brought back by hand to its state without
     * them; they are pending again. Does not need the migrations to compile.
     */
    public List<MigrationId> resolveFailed() {
        return new RepairCommand(database, source, options).repair(false).removedFailed();
    }

    /**
     * {@link #resolveFailed()}, and also accepts the current checksum of applied migrations that were edited, for
     * when the database already matches the edited version.
     */
    public RepairResult repair() {
        return new RepairCommand(database, source, options).repair(true);
    }
}
