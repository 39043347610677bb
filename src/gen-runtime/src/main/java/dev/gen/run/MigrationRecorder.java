package dev.gen.run;

import dev.gen.api.Migration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a {@link Migration} into a {@link LoadedMigration}: runs {@code up} and {@code down} against a
 * {@link RecordingContext} and hashes what they issue plus the settings. The checksum therefore ignores how the
 * source is formatted and changes whenever a statement or a setting does.
 */
final class MigrationRecorder {

    private MigrationRecorder() {
    }

    static LoadedMigration record(MigrationId id, Migration migration, String origin) {
        RecordingContext up = new RecordingContext();
        boolean transactional;
        String lockTimeout;
        String statementTimeout;
        String searchPath;
        boolean upUsesConnection = false;
        try {
            try {
                migration.up(up);
            } catch (RecordingContext.UsesConnection live) {
                upUsesConnection = true;
            }
            transactional = migration.transactional();
            lockTimeout = migration.lockTimeout();
            statementTimeout = migration.statementTimeout();
            searchPath = migration.searchPath();
        } catch (Exception | LinkageError e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be loaded: its up() (or a"
                    + " setting) threw "
                    + e.getClass().getSimpleName() + ": " + Messages.oneLine(e.getMessage())
                    + " while gen recorded its statements (no database is involved at that point). Fix the migration.",
                    e);
        }
        RecordingContext down = new RecordingContext();
        String downUnavailable = null;
        boolean downUsesConnection = false;
        try {
            migration.down(down);
        } catch (RecordingContext.UsesConnection live) {
            downUsesConnection = true;
        } catch (Exception | LinkageError e) {
            // An irreversible migration may say so by throwing; it can still run, only not be reverted.
            downUnavailable = e.getClass().getSimpleName() + ": " + Messages.oneLine(e.getMessage());
        }
        List<String> downStatements = downUnavailable == null ? down.statements() : List.of();
        if (upUsesConnection || downUsesConnection) {
            return dataMigration(id, migration, origin, upUsesConnection ? List.of(LiveContext.UP_MARKER)
                    : up.statements(), downUsesConnection ? List.of(LiveContext.DOWN_MARKER) : downStatements,
                    downUnavailable, transactional, lockTimeout, statementTimeout, searchPath);
        }
        String checksum = checksum(up.statements(), downStatements, downUnavailable, transactional, lockTimeout,
                statementTimeout, searchPath);
        return new LoadedMigration(id, up.statements(), downStatements, downUnavailable, transactional, lockTimeout,
                statementTimeout, searchPath, checksum, origin);
    }

    /**
     * A migration whose code uses the connection: what it executes is known only when it runs, so the checksum covers
     * its compiled class instead of statements (see {@link dev.gen.api.MigrationContext}).
     */
    private static LoadedMigration dataMigration(MigrationId id, Migration migration, String origin, List<String> up,
            List<String> down, String downUnavailable, boolean transactional, String lockTimeout,
            String statementTimeout, String searchPath) {
        Class<?> type = migration.getClass();
        byte[] classFile;
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            if (in == null) {
                throw new java.io.IOException("its class file is not readable from its class loader");
            }
            classFile = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") uses the connection, so gen checksums"
                    + " its compiled class, but cannot read it: " + e.getMessage() + ". Load it from a directory or"
                    + " jar.", e);
        }
        List<String> hashed = new java.util.ArrayList<>(up);
        hashed.add("class:" + HexFormat.of().formatHex(sha256(classFile)));
        String checksum = checksum(hashed, down, downUnavailable, transactional, lockTimeout, statementTimeout,
                searchPath);
        return new LoadedMigration(id, up, down, downUnavailable, transactional, lockTimeout, statementTimeout,
                searchPath, checksum, origin, null, migration);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of a length-prefixed encoding, so that no two different inputs can produce the same byte stream. */
    static String checksum(List<String> up, List<String> down, String downUnavailable, boolean transactional,
            String lockTimeout, String statementTimeout) {
        return checksum(up, down, downUnavailable, transactional, lockTimeout, statementTimeout, null);
    }

    /** A search path is hashed only when set, so that migrations without one keep the checksums they had. */
    static String checksum(List<String> up, List<String> down, String downUnavailable, boolean transactional,
            String lockTimeout, String statementTimeout, String searchPath) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        field(sha, "gen-migration-v1");
        field(sha, "up:" + up.size());
        up.forEach(s -> field(sha, s));
        field(sha, "down:" + down.size());
        down.forEach(s -> field(sha, s));
        field(sha, "downUnavailable:" + (downUnavailable != null));
        field(sha, "transactional:" + transactional);
        field(sha, "lockTimeout:" + lockTimeout);
        field(sha, "statementTimeout:" + statementTimeout);
        if (searchPath != null) {
            field(sha, "searchPath:" + searchPath);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }
}
