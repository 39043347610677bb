package dev.gen.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * The peers, one task per process: {@code java -cp <bench classpath>:<model classes> dev.gen.bench.Peers
 * <task> <jdbc-url> <user> <entity list file> [output]}. Tasks:
 * <ul>
 *   <li>{@code export}: Hibernate's own schema export into the database (builds the up-to-date database);</li>
 *   <li>{@code update-script}: Hibernate's schema migrator (SchemaUpdate) writing an update script, no DDL run;</li>
 *   <li>{@code validate}: Hibernate's SchemaValidator;</li>
 *   <li>{@code liquibase}: Liquibase's diffChangeLog of the Hibernate extension's model against the database.</li>
 * </ul>
 * Prints one line {@code peer-result: task=... statements=n round-trips=n ok=true|false} where round trips are
 * the statements executed and metadata result sets opened on the JDBC connection (a counting proxy).
 */
public final class Peers {

    private static final Logger QUIET = Logger.getLogger("org.hibernate");
    private static final Logger QUIET_LIQUIBASE = Logger.getLogger("liquibase");
    static final AtomicInteger ROUND_TRIPS = new AtomicInteger();

    private Peers() {
    }

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(Level.SEVERE);
        QUIET_LIQUIBASE.setLevel(Level.SEVERE);
        String task = args[0];
        String url = args[1];
        String user = args[2];
        List<String> entities = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        // the script or change log the task writes; export and validate write none (and nothing goes to /tmp)
        Path output = args.length > 4 ? Path.of(args[4]) : null;
        String result = switch (task) {
            case "export" -> export(url, user, entities);
            case "update-script" -> updateScript(url, user, entities, output);
            case "validate" -> validate(url, user, entities);
            case "liquibase" -> liquibase(url, user, output);
            default -> throw new IllegalArgumentException("unknown task " + task);
        };
        System.out.println("peer-result: task=" + task + " " + result + " round-trips=" + ROUND_TRIPS.get());
        System.exit(0);
    }

    /**
     * Boots Hibernate as the application would (connection through the counting data source) and runs its schema
     * management tool, the one {@code hibernate.hbm2ddl.auto} and the {@code jakarta.persistence.schema-generation}
     * settings drive, with {@code toolSettings}. No session factory.
     */
    private static void tool(String url, String user, List<String> entities, Map<String, Object> toolSettings) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        settings.put("hibernate.connection.datasource", new CountingDataSource(url, user));
        settings.putAll(toolSettings);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClassName);
            Metadata metadata = sources.buildMetadata();
            SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static String export(String url, String user, List<String> entities) {
        tool(url, user, entities, Map.of("jakarta.persistence.schema-generation.database.action", "create",
                "hibernate.hbm2ddl.halt_on_error", "true"));
        return "ok=true statements=0";
    }

    /** Hibernate's schema migrator with a script target: the update DDL is written, not run. */
    private static String updateScript(String url, String user, List<String> entities, Path output) throws IOException {
        Files.deleteIfExists(output);
        tool(url, user, entities, Map.of("jakarta.persistence.schema-generation.scripts.action", "update",
                "jakarta.persistence.schema-generation.scripts.create-target", output.toString(),
                "hibernate.hbm2ddl.delimiter", ";"));
        long statements = Files.exists(output)
                ? Files.readAllLines(output).stream().filter(line -> line.trim().endsWith(";")).count() : 0;
        return "ok=true statements=" + statements;
    }

    private static String validate(String url, String user, List<String> entities) {
        try {
            tool(url, user, entities, Map.of("hibernate.hbm2ddl.auto", "validate"));
            return "ok=true statements=0";
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('"', '\'');
            return "ok=false statements=0 message=\"" + message.substring(0, Math.min(200, message.length())) + "\"";
        }
    }

    private static String liquibase(String url, String user, Path output) throws Exception {
        Connection connection = new CountingDataSource(url, user).getConnection();
        liquibase.resource.ResourceAccessor accessor =
                new liquibase.resource.ClassLoaderResourceAccessor(Peers.class.getClassLoader());
        liquibase.database.Database reference = liquibase.database.DatabaseFactory.getInstance().openDatabase(
                "hibernate:classic:bench/hibernate.cfg.xml", null, null, null, accessor);
        liquibase.database.Database target = liquibase.database.DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
        liquibase.diff.DiffResult diff = liquibase.diff.DiffGeneratorFactory.getInstance()
                .compare(reference, target, liquibase.diff.compare.CompareControl.STANDARD);
        liquibase.diff.output.changelog.DiffToChangeLog changeLog = new liquibase.diff.output.changelog.DiffToChangeLog(
                diff, new liquibase.diff.output.DiffOutputControl());
        List<liquibase.changelog.ChangeSet> changeSets = changeLog.generateChangeSets();
        try (PrintStream out = new PrintStream(Files.newOutputStream(output))) {
            changeLog.print(out);
        }
        return "ok=true statements=" + changeSets.size();
    }

    /** Hands out connections whose statements and metadata queries are counted. */
    static final class CountingDataSource implements DataSource {
        private final String url;
        private final String user;

        CountingDataSource(String url, String user) {
            this.url = url;
            this.user = user;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = DriverManager.getConnection(url, user, null);
            return (Connection) wrap(real, Connection.class, null);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private static Object wrap(Object real, Class<?> type, Object connectionProxy) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> c = real.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("java.sql.") && !interfaces.contains(i)) {
                    interfaces.add(i);
                }
            }
        }
        if (!interfaces.contains(type)) {
            interfaces.add(type);
        }
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (real instanceof Statement && (name.startsWith("execute"))) {
                ROUND_TRIPS.incrementAndGet();
            } else if (real instanceof DatabaseMetaData && result instanceof ResultSet) {
                ROUND_TRIPS.incrementAndGet();
            } else if (real instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
                ROUND_TRIPS.incrementAndGet();
            }
            Object connection = connectionProxy != null ? connectionProxy : self[0];
            if (result instanceof Statement || result instanceof DatabaseMetaData) {
                return wrap(result, method.getReturnType(), connection);
            }
            if (result instanceof Connection && !(real instanceof Connection)) {
                return connection;
            }
            return result;
        };
        self[0] = Proxy.newProxyInstance(Peers.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
        return self[0];
    }
}
