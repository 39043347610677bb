package dev.gen.run;

import dev.gen.api.Migration;
import java.util.Objects;

/**
 * A migration as the runner sees it: its id, its checksum (computed without running any of its code, see
 * {@link Checksums}) and where it came from. Loading, listing and validating stop there: the class is loaded but
 * not initialised. Only a command that executes the migration creates it (running its static initialiser and
 * constructor) and reads its settings, through {@link #migration()} and the setting accessors below.
 */
public final class LoadedMigration {

    private final MigrationId id;
    private final String checksum;
    private final String origin;
    private final String location;
    private final Class<?> type;
    private Migration instance; // created on first use, under this object's lock

    LoadedMigration(MigrationId id, Class<?> type, String checksum, String origin) {
        this(id, type, checksum, origin, null);
    }

    private LoadedMigration(MigrationId id, Class<?> type, String checksum, String origin, String location) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.checksum = Objects.requireNonNull(checksum, "checksum");
        this.origin = origin;
        this.location = location;
    }

    private LoadedMigration(MigrationId id, Migration instance, String checksum, String origin) {
        this(id, instance.getClass(), checksum, origin);
        this.instance = instance;
    }

    /** The same migration, found in {@code configuredLocation} (recorded in the history table). */
    public synchronized LoadedMigration withLocation(String configuredLocation) {
        LoadedMigration tagged = new LoadedMigration(id, type, checksum, origin, configuredLocation);
        tagged.instance = instance;
        return tagged;
    }

    /**
     * The configured location it was found in (a directory, or {@code classpath:<package>}), recorded in the history
     * table; null until a source tags it.
     */
    public String location() {
        return location;
    }

    /**
     * A migration already created by the caller. Its checksum is the one it declares with
     * {@link dev.gen.api.MigrationChecksum}, else that of its class files.
     */
    public static LoadedMigration of(MigrationId id, Migration migration, String origin) {
        return new LoadedMigration(id, migration, MigrationClasses.checksumOfClass(migration.getClass(), id, origin),
                origin);
    }

    public MigrationId id() {
        return id;
    }

    public String checksum() {
        return checksum;
    }

    /** Where it came from (a file or a class), for messages. */
    public String origin() {
        return origin;
    }

    /**
     * The migration, created on first use: this runs its static initialiser and constructor.
     *
     * @throws MigrationException naming the migration and the cause when either throws
     */
    public synchronized Migration migration() {
        if (instance == null) {
            instance = MigrationClasses.instantiate(type, id, origin);
        }
        return instance;
    }

    public boolean transactional() {
        return setting("transactional()", () -> migration().transactional());
    }

    public String lockTimeout() {
        return setting("lockTimeout()", () -> migration().lockTimeout());
    }

    public String statementTimeout() {
        return setting("statementTimeout()", () -> migration().statementTimeout());
    }

    public String searchPath() {
        return setting("searchPath()", () -> migration().searchPath());
    }

    private <T> T setting(String method, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (MigrationException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot run: its " + method
                    + " threw " + Messages.oneLine(String.valueOf(e)) + ". Nothing of it was executed. Fix the"
                    + " migration.", e);
        }
    }

    @Override
    public String toString() {
        return id + " (" + origin + ", checksum " + Messages.shortChecksum(checksum) + ")";
    }
}
