package dev.gen.core;

/** The exit codes of the command line, documented in the README and in --help. */
public final class ExitCodes {
    /** Success, or nothing to do. */
    public static final int OK = 0;
    /** {@code generate --check} found changes that no migration covers yet. */
    public static final int PENDING_CHANGES = 1;
    /** The command line or configuration is wrong. */
    public static final int USAGE = 2;
    /** A guard refused a change (NOT NULL on a populated table, a drop, a narrowing). */
    public static final int REFUSED = 3;
    /** The database cannot be reached, or refused the credentials. */
    public static final int CONNECTION = 4;
    /** The entity model cannot be read or expressed (classpath, mapping). */
    public static final int MODEL = 5;
    /** A migration does not compile, or the migrations disagree with the history. */
    public static final int MIGRATIONS = 6;
    /** A migration failed while running; it was rolled back. */
    public static final int MIGRATION_FAILED = 7;
    /** The migration lock could not be taken in time, or was lost while migrating (nothing more was committed). */
    public static final int LOCK_TIMEOUT = 8;
    /**
     * {@code seed} rejected its file: malformed, not matching the entities, or its rows violate a constraint or may
     * exist already; nothing was inserted.
     */
    public static final int SEED_REJECTED = 9;
    /** Anything else: a bug in gen. */
    /** The JVM ran out of memory: not a bug in the input nor in gen, but a heap too small for the model. */
    public static final int OUT_OF_MEMORY = 10;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /**
     * The exit code of a failure that reached a front end: a {@link GenException}'s own, the runner's by kind,
     * {@link #INTERNAL} for anything gen did not expect (a bug). A front end's own usage errors come first.
     */
    public static int of(Throwable failure) {
        if (failure instanceof GenException gen) {
            return gen.exitCode();
        }
        if (failure instanceof dev.gen.emit.EmitUsageException) {
            return USAGE;
        }
        if (failure instanceof dev.gen.run.LockTimeoutException || failure instanceof dev.gen.run.LockLostException) {
            return LOCK_TIMEOUT;
        }
        if (failure instanceof dev.gen.run.MigrationFailedException) {
            return MIGRATION_FAILED;
        }
        if (failure instanceof dev.gen.run.MigrationException) {
            return MIGRATIONS;
        }
        return INTERNAL;
    }
}
