package dev.gen.api;

import java.sql.SQLException;

/**
 * A schema migration: the public contract between generated (or hand-written) migration classes and gen's
 * runner. Implementations issue their statements through the context only, one statement per call, so that the
 * runner can apply them atomically with the migration's history row.
 *
 * <p>The runner creates a migration only to execute it: listing and validating never run a migration's static
 * initializer, constructor, {@code up} or {@code down}. Its checksum comes from its source (or, precompiled, its
 * class files), or from a {@link MigrationChecksum} it declares; {@code up} may compute values at run time.
 *
 * <p>The class name is the migration's identity: {@code V<yyyyMMddHHmmss>__<Name>}, so that sorting names
 * sorts by time.
 */
public interface Migration {

    void up(MigrationContext ctx) throws SQLException;

    void down(MigrationContext ctx) throws SQLException;

    /**
     * False for a migration that must run outside a transaction, such as one with
     * {@code CREATE INDEX CONCURRENTLY}.
     */
    default boolean transactional() {
        return true;
    }

    /** PostgreSQL's {@code lock_timeout} for this migration (for example {@code "5s"}), or null for the run's. */
    default String lockTimeout() {
        return null;
    }

    /**
     * PostgreSQL's {@code search_path} for this migration (for example {@code "app", "public"}), or null for the
     * connection's. gen sets it when it manages schemas other than {@code public}: defaults, checks and enum types
     * that the catalog prints unqualified must resolve in those schemas when the migration runs.
     */
    default String searchPath() {
        return null;
    }

    /** PostgreSQL's {@code statement_timeout} for this migration, or null for the run's. */
    default String statementTimeout() {
        return null;
    }
}
