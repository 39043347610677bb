package dev.gen.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * PostgreSQL's session-level advisory lock that lets one runner at a time work on a history table.
 *
 * <p>It lives on a connection of its own that stays in autocommit and idle while migrations run elsewhere:
 * {@code CREATE INDEX CONCURRENTLY} waits for every open transaction, so a lock held inside a transaction would
 * deadlock with the runner's own non-transactional migrations. Waiting polls {@code pg_try_advisory_lock} for the
 * same reason: a blocked {@code pg_advisory_lock} call would be an open transaction that such an index waits for.
 */
final class AdvisoryLock implements AutoCloseable {

    private static final long FIRST_PAUSE_MS = 20;
    private static final long LONGEST_PAUSE_MS = 500;

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** A 64-bit key derived from the history table's name, the same in every JVM and on every server version. */
    static long keyFor(String qualifiedHistoryTable) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("dev.gen.run:" + qualifiedHistoryTable).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Waits up to {@code wait} for the lock on {@code connection}, which must be in autocommit mode.
     *
     * @throws LockTimeoutException naming the session that holds it
     */
    static AdvisoryLock acquire(Connection connection, long key, Duration wait, String what,
            Consumer<String> notices) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MS;
        boolean told = false;
        while (!tryLock(connection, key)) {
            if (!told) {
                told = true;
                notices.accept(waitingNotice(holders(connection, key), what, wait));
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                List<Holder> holders = holders(connection, key);
                throw new LockTimeoutException("Timed out after " + Messages.duration(wait) + " waiting for the"
                        + " migration lock on " + what + " (PostgreSQL advisory lock " + key + "): "
                        + (holders.isEmpty() ? "its holder released it just now, or is not visible to this user."
                                : "it is held by " + holders.stream().map(Holder::description)
                                        .collect(Collectors.joining("; ")) + ".")
                        + " Another gen run is probably in progress: wait for it and try again, or give the run a"
                        + " longer --lock-timeout. If that runner is stuck, stop its process; a runner whose lock"
                        + " session ends stops before it commits anything more.");
            }
            try {
                Thread.sleep(Math.min(pause, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("Interrupted while waiting for the migration lock on " + what + ".", e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
        return new AdvisoryLock(connection, key);
    }

    /** One line for whoever waits: who holds the lock (no secrets: pid, application, client) and for how long we wait. */
    static String waitingNotice(List<Holder> holders, String what, Duration wait) {
        return "Waiting up to " + Messages.duration(wait) + " for the migration lock on " + what + ", held by "
                + (holders.isEmpty() ? "a session not visible to this user"
                        : holders.stream().map(Holder::description).collect(Collectors.joining("; ")))
                + ".";
    }

    /**
     * The key of the lock a runner holds, on its work connection, while it executes one migration: for a
     * transactional migration in its transaction ({@code pg_advisory_xact_lock}), for others in the session. A
     * second runner that got the session lock because the first one lost it waits here until the first one's
     * migration has committed or rolled back, and then sees it in the history.
     */
    static long workKeyFor(String qualifiedHistoryTable) {
        return keyFor(qualifiedHistoryTable + ":work");
    }

    /** Whether this lock's session is alive and still holds the lock; false or an exception when not. */
    boolean held() throws SQLException {
        String sql = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
                + " AND l.pid = pg_backend_pid() AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ?"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * Takes the work lock on {@code work}, polling ({@code pg_try_advisory_*}) rather than blocking, for the reason
     * the class comment gives. {@code inTransaction}: released by the transaction's end; else by
     * {@link #unlockWork}.
     */
    static void lockWork(Connection work, long key, boolean inTransaction, Duration wait, String what)
            throws SQLException {
        String sql = inTransaction ? "SELECT pg_try_advisory_xact_lock(?)" : "SELECT pg_try_advisory_lock(?)";
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try (PreparedStatement s = work.prepareStatement(sql)) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw new LockTimeoutException("Timed out after " + Messages.duration(wait) + " waiting for another"
                        + " runner's migration on " + what + " to end (PostgreSQL advisory lock " + key + "): that"
                        + " runner lost its migration lock, and this one took it over, but the migration it was"
                        + " executing is still running. Wait for it to end (it stops before committing), then run"
                        + " again. This run did not execute that migration.");
            }
            try {
                Thread.sleep(Math.min(pause, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("Interrupted while waiting for the migration lock on " + what + ".", e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    static void unlockWork(Connection work, long key) throws SQLException {
        try (PreparedStatement s = work.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** A session holding the lock, described for a person. */
    record Holder(int pid, String description) {
    }

    /** Who holds the lock, from pg_locks (a bigint key is split into classid and objid, objsubid 1). */
    static List<Holder> holders(Connection c, long key) throws SQLException {
        String sql = "SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.backend_start, a.state"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?";
        List<Holder> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Holder(r.getInt(1), describeSession(r)));
                }
            }
        }
        return found;
    }

    private static String describeSession(ResultSet r) throws SQLException {
        String application = r.getString(2);
        String address = r.getString(4);
        Timestamp since = r.getTimestamp(5);
        return "pid " + r.getInt(1)
                + " (application '" + (application == null ? "" : application) + "'"
                + (r.getString(3) == null ? "" : ", user " + r.getString(3))
                + ", client " + (address == null ? "local socket or not visible" : address)
                + (since == null ? "" : ", connected since " + Messages.time(since.toInstant()))
                + (r.getString(6) == null ? "" : ", state " + r.getString(6))
                + ")";
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return; // the server released it with the session
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }
}
