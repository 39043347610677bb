package dev.gen.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The table that records applied migrations. Its name is configurable and always quoted; every value is bound.
 * Methods run on the caller's connection and transaction. Every statement about the table is written here, also the
 * one the generator reads ({@link #recordedVersions}).
 */
public final class HistoryTable {

    /** SQLSTATE undefined_table. */
    private static final String UNDEFINED_TABLE = "42P01";

    private final String schema;
    private final String table;
    private final String qualified;

    HistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
        this.qualified = Sql.qualified(schema, table);
    }

    /** The quoted name, as in SQL and messages. */
    String qualifiedName() {
        return qualified;
    }

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, qualified);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * Creates the schema and the table when missing, and adds the {@code location} column to a table created before
     * gen recorded locations. Checks first, because {@code CREATE ... IF NOT EXISTS} and {@code ALTER TABLE} still
     * require privileges that a user who only runs migrations against an up-to-date table may lack.
     */
    void createIfMissing(Connection c) throws SQLException {
        if (exists(c)) {
            if (!hasLocationColumn(c)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + qualified + " ADD COLUMN IF NOT EXISTS location text");
                }
            }
            return;
        }
        try (Statement s = c.createStatement()) {
            if (!schemaExists(c)) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema));
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
                    + "version text PRIMARY KEY, "
                    + "name text NOT NULL, "
                    + "checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now(), "
                    + "execution_ms bigint NOT NULL DEFAULT 0, "
                    + "applied_by text NOT NULL DEFAULT current_user, "
                    + "os_user text, "
                    + "success boolean NOT NULL DEFAULT true, "
                    + "location text)");
        }
    }

    /** Whether the table has the column added in gen 0.2; read-only commands must not add it themselves. */
    private boolean hasLocationColumn(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attname = 'location' AND NOT attisdropped")) {
            s.setString(1, qualified);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** All records, oldest version first; empty when the table does not exist yet. */
    List<HistoryRow> read(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        if (!exists(c)) {
            return rows;
        }
        String sql = "SELECT version, name, checksum, applied_at, execution_ms, applied_by, os_user, success, "
                + (hasLocationColumn(c) ? "location" : "NULL") + " FROM " + qualified + " ORDER BY version, name";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Timestamp at = r.getTimestamp(4);
                rows.add(new HistoryRow(new MigrationId(r.getString(1), r.getString(2)), r.getString(3),
                        at == null ? null : at.toInstant(), r.getLong(5), r.getString(6), r.getString(7),
                        r.getBoolean(8), r.getString(9)));
            }
        }
        return rows;
    }

    /**
     * The versions recorded in {@code schema.table}, in one round trip: "no such table" counts as nothing recorded
     * yet, rather than asking first whether the table exists. On a connection in auto-commit mode the failed
     * statement leaves nothing behind; any other failure (a table of another shape) is thrown.
     */
    public static Set<String> recordedVersions(Connection c, String schema, String table) throws SQLException {
        Set<String> versions = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + Sql.qualified(schema, table));
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                versions.add(r.getString(1));
            }
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
        }
        return versions;
    }

    /** Whether a record of this version exists, as committed now (re-checked under the work lock). */
    boolean recorded(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + qualified + " WHERE version = ?")) {
            s.setString(1, id.version());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    void insert(Connection c, LoadedMigration m, long executionMs, boolean success) throws SQLException {
        String sql = "INSERT INTO " + qualified + " (version, name, checksum, execution_ms, os_user, success,"
                + " location) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, m.id().version());
            s.setString(2, m.id().name());
            s.setString(3, m.checksum());
            s.setLong(4, executionMs);
            s.setString(5, System.getProperty("user.name"));
            s.setBoolean(6, success);
            s.setString(7, m.location());
            s.executeUpdate();
        }
    }

    void markSucceeded(Connection c, MigrationId id, long executionMs) throws SQLException {
        update(c, "UPDATE " + qualified + " SET success = true, execution_ms = ?, applied_at = now() WHERE version = ?",
                executionMs, id);
    }

    /** Back to applied, keeping when it was applied: a revert outside a transaction that ran none of its statements. */
    void markApplied(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + qualified + " SET success = true WHERE version = ?")) {
            s.setString(1, id.version());
            s.executeUpdate();
        }
    }

    void markFailed(Connection c, MigrationId id, long executionMs) throws SQLException {
        update(c, "UPDATE " + qualified + " SET success = false, execution_ms = ? WHERE version = ?", executionMs, id);
    }

    private static void update(Connection c, String sql, long executionMs, MigrationId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, executionMs);
            s.setString(2, id.version());
            s.executeUpdate();
        }
    }

    void delete(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + qualified + " WHERE version = ?")) {
            s.setString(1, id.version());
            s.executeUpdate();
        }
    }

    void updateChecksum(Connection c, MigrationId id, String checksum) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + qualified + " SET checksum = ? WHERE version = ?")) {
            s.setString(1, checksum);
            s.setString(2, id.version());
            s.executeUpdate();
        }
    }
}
