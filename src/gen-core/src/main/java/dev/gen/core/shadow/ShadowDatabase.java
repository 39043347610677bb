package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.Secrets;
import dev.gen.core.ShadowAccess;
import dev.gen.pg.Sql;
import dev.gen.run.ConnectionFactory;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scratch database, created empty on a {@link ShadowServer} and dropped again by {@link #close()}, by a JVM
 * shutdown hook (Ctrl-C, SIGTERM), or, after a SIGKILL, by the next gen that meets it ({@link Leftovers}).
 *
 * <p>Its name starts with {@value #PREFIX}, then the database it shadows, the creating process's id and a random
 * part; its {@code COMMENT ON DATABASE} records the creator ({@link Creator}). While it exists gen holds one
 * connection to it, so that another gen can tell a live shadow from a leftover by {@code pg_stat_activity}.
 *
 * <p>gen never reads or writes the target's data here: the only statements issued on the server are CREATE,
 * COMMENT ON and DROP of this database (and of recognised leftovers).
 */
public final class ShadowDatabase implements AutoCloseable {

    public static final String PREFIX = "gen_shadow_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShadowServer server;
    private final String name;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread shutdownHook;
    private Connection keeper;

    private ShadowDatabase(ShadowServer server, String name) {
        this.server = server;
        this.name = name;
        this.shutdownHook = new Thread(this::drop, "gen-shadow-drop");
    }

    /**
     * Drops the leftovers of killed runs, then creates a new, empty shadow database.
     *
     * @throws GenException exit 2 when the user may not create databases (with the fix), exit 4 when the server
     *     cannot be reached
     */
    public static ShadowDatabase create(ShadowServer server) {
        String name = newName(server.maintenanceDatabase());
        ShadowDatabase shadow = new ShadowDatabase(server, name);
        try (Connection maintenance = server.maintenance(); Statement statement = maintenance.createStatement()) {
            Leftovers.dropStale(maintenance);
            // The hook goes in first: a Ctrl-C right after CREATE must find it.
            Runtime.getRuntime().addShutdownHook(shadow.shutdownHook);
            try {
                statement.execute("CREATE DATABASE " + Sql.ident(name));
            } catch (SQLException e) {
                shadow.forgetHook();
                throw refused(server, e);
            }
            statement.execute("COMMENT ON DATABASE " + Sql.ident(name) + " IS " + Sql.literal(Creator.current().text()));
            shadow.keeper = server.connect(shadow.url());
        } catch (SQLException e) {
            shadow.close();
            throw unreachable(server, e);
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
        return shadow;
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of the shadow database (credentials as for the target). */
    public String url() {
        return server.urlOf(name);
    }

    /**
     * The target's configuration pointed at the shadow database, with the shadow server's credentials (another
     * server's may differ): what the generator is given.
     */
    public GenConfig config(GenConfig target) {
        return ShadowAccess.withDatabase(target, url(), server.user(), server.password());
    }

    public ConnectionFactory connections() {
        return ConnectionFactory.of(url(), server.user(), server.password());
    }

    public Connection connect() throws SQLException {
        return server.connect(url());
    }

    /** Drops the shadow database; safe to call twice, and from the shutdown hook while the main thread still runs. */
    @Override
    public void close() {
        drop();
        forgetHook();
    }

    private void drop() {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (keeper != null) {
                keeper.close();
            }
        } catch (SQLException e) {
            // The connection is going either way.
        }
        try (Connection maintenance = server.maintenance(); Statement statement = maintenance.createStatement()) {
            // FORCE (PostgreSQL 13) ends what is still connected to it, such as a statement Ctrl-C interrupted.
            boolean force = maintenance.getMetaData().getDatabaseMajorVersion() >= 13;
            statement.execute("DROP DATABASE IF EXISTS " + Sql.ident(name) + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            // Nothing more can be done now: its creator's process id is in its comment, so the next gen drops it.
        }
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs, or has run, drop() itself.
        }
    }

    /** {@code gen_shadow_<database>_<pid>_<random>}: at most 63 bytes, lower case, nothing that needs quoting. */
    static String newName(String database) {
        String shadowed = database.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (shadowed.length() > 24) {
            shadowed = shadowed.substring(0, 24);
        }
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return PREFIX + (shadowed.isEmpty() ? "" : shadowed + "_") + ProcessHandle.current().pid() + "_"
                + HexFormat.of().formatHex(random);
    }

    private static GenException refused(ShadowServer server, SQLException e) {
        String detail = Secrets.scrub(e.getMessage(), server.password(), null);
        if ("42501".equals(e.getSQLState())) {
            return new ShadowRefusedException("gen needs a scratch (shadow) database to replay the migrations into, and the"
                    + " user " + (server.user() == null ? "of the URL" : server.user()) + " may not create databases"
                    + " on " + server.describe() + ". Either let it: ALTER ROLE " + (server.user() == null ? "<user>"
                    : Sql.ident(server.user())) + " CREATEDB; or point --shadow-url (GEN_SHADOW_URL, shadow-url= in"
                    + " gen.properties) at a server where it may, such as a local PostgreSQL (docker compose up -d)."
                    + " gen drops the shadow database when it ends and never touches the target's data. ("
                    + detail + ")");
        }
        return unreachable(server, e);
    }

    private static GenException unreachable(ShadowServer server, SQLException e) {
        return new GenException("Cannot create the shadow database on " + server.describe() + ": "
                + Secrets.scrub(e.getMessage(), server.password(), null) + ". Check that the server runs and that"
                + (server.explicit() ? " --shadow-url" : " --url") + " is right.", ExitCodes.CONNECTION, null);
    }
}
