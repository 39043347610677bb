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
 * {@code GEN_TEST_PASSWORD} optional) when set, otherwise from a Testcontainers PostgreSQL. With neither, the
 * tests fail and say how to provide one: they never skip silently.
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
        Server server = Server.get();
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

        Server(String url, String user, String password) {
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
                    instance = new Server(url, user, System.getenv("GEN_TEST_PASSWORD"));
                } else {
                    instance = Containers.start();
                }
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
        static Server start() {
            try {
                var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            } catch (RuntimeException | Error e) {
                throw new IllegalStateException("No PostgreSQL for the tests: set " + URL_VARIABLE
                        + " to a JDBC URL of a server where the user may create databases (for example"
                        + " jdbc:postgresql://127.0.0.1:5432/postgres, with GEN_TEST_USER and GEN_TEST_PASSWORD if"
                        + " needed), or start Docker so that Testcontainers can run one. Cause: " + e.getMessage(), e);
            }
        }
    }
}
