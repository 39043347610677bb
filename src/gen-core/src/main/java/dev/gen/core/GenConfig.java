package dev.gen.core;

import dev.gen.appconfig.ApplicationSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything gen needs to know about a project, resolved from flags, environment and gen.properties.
 *
 * @param url JDBC URL of the PostgreSQL database
 * @param user database user, or null to take it from the URL
 * @param password database password, or null; never printed
 * @param schemas PostgreSQL schemas gen manages; the first is the default for unqualified tables
 * @param classpath directories and jars with the compiled entity classes
 * @param packages package prefixes to scan, or empty for all
 * @param migrationsDir where migration sources live
 * @param migrationsPackage Java package of generated migrations, or null for the default package
 * @param historyTable name of the history table (in the first schema)
 * @param excludeTables glob patterns of tables gen leaves alone
 * @param properties {@code hibernate.*} and {@code jakarta.persistence.*} settings passed to Hibernate
 * @param online generate online-safe DDL (concurrent indexes, NOT VALID constraints)
 * @param lockTimeout PostgreSQL lock_timeout every generated migration sets, e.g. {@code 5s}; null for none
 * @param migrationsClasspath directories and jars with precompiled migrations; when given, the runner loads those
 *     instead of compiling the migrations directory (production hosts without a JDK)
 * @param excludeServices service providers ({@code META-INF/services}) in the entity classpath that Hibernate
 *     must not load, by class name
 * @param largeTableRows estimated rows from which a hazard's table counts as large ({@code large-table-rows})
 * @param largeTableBytes size on disk from which a hazard's table counts as large ({@code large-table-bytes})
 * @param application what the application's own configuration on the entity classpath says (Spring Boot, Quarkus,
 *     persistence.xml): its warnings, the classes of its persistence unit, and where each setting came from
 * @param locations where the runner finds migrations, the application's own first: directories of sources, or
 *     {@code classpath:<package>} entries found in {@code migrationsClasspath}; empty for the migrations directory
 *     (or the migrations classpath) alone
 */
public record GenConfig(
        String url,
        String user,
        String password,
        List<String> schemas,
        List<Path> classpath,
        List<String> packages,
        Path migrationsDir,
        String migrationsPackage,
        String historyTable,
        List<String> excludeTables,
        Map<String, String> properties,
        boolean online,
        String lockTimeout,
        List<String> excludeServices,
        List<Path> migrationsClasspath,
        long largeTableRows,
        long largeTableBytes,
        ApplicationSettings application,
        List<String> locations) {

    public GenConfig(String url, String user, String password, List<String> schemas, List<Path> classpath,
            List<String> packages, Path migrationsDir, String migrationsPackage, String historyTable,
            List<String> excludeTables, Map<String, String> properties, boolean online, String lockTimeout,
            List<String> excludeServices, List<Path> migrationsClasspath) {
        this(url, user, password, schemas, classpath, packages, migrationsDir, migrationsPackage, historyTable,
                excludeTables, properties, online, lockTimeout, excludeServices, migrationsClasspath,
                dev.gen.plan.LargeTables.DEFAULT_ROWS, dev.gen.plan.LargeTables.DEFAULT_BYTES, ApplicationSettings.none(),
                List.of());
    }

    public GenConfig(String url, String user, String password, List<String> schemas, List<Path> classpath,
            List<String> packages, Path migrationsDir, String migrationsPackage, String historyTable,
            List<String> excludeTables, Map<String, String> properties, boolean online, String lockTimeout,
            List<String> excludeServices) {
        this(url, user, password, schemas, classpath, packages, migrationsDir, migrationsPackage, historyTable,
                excludeTables, properties, online, lockTimeout, excludeServices, List.of());
    }

    public GenConfig(String url, String user, String password, List<String> schemas, List<Path> classpath,
            List<String> packages, Path migrationsDir, String migrationsPackage, String historyTable,
            List<String> excludeTables, Map<String, String> properties, boolean online, String lockTimeout) {
        this(url, user, password, schemas, classpath, packages, migrationsDir, migrationsPackage, historyTable,
                excludeTables, properties, online, lockTimeout, List.of());
    }

    public GenConfig {
        excludeServices = excludeServices == null ? List.of() : List.copyOf(excludeServices);
        migrationsClasspath = migrationsClasspath == null ? List.of() : List.copyOf(migrationsClasspath);
        application = application == null ? ApplicationSettings.none() : application;
        locations = locations == null ? List.of() : List.copyOf(locations);
        schemas = List.copyOf(schemas);
        classpath = List.copyOf(classpath);
        packages = List.copyOf(packages);
        excludeTables = List.copyOf(excludeTables);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(migrationsDir, "migrationsDir");
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("at least one schema");
        }
    }

    /** The same settings against another database: for a scratch database that history is replayed into. */
    public GenConfig withConnection(String newUrl, String newUser, String newPassword) {
        return new GenConfig(newUrl, newUser, newPassword, schemas, classpath, packages, migrationsDir,
                migrationsPackage, historyTable, excludeTables, properties, online, lockTimeout, excludeServices,
                migrationsClasspath, largeTableRows, largeTableBytes, application, locations);
    }

    public String defaultSchema() {
        return schemas.get(0);
    }

    /** Each effective setting with where it came from (flag, environment, gen.properties, the application), for --verbose. */
    public List<String> describeSettings() {
        return ApplicationOrigins.describe(this);
    }

    /** For messages and logs: everything but the password. */
    @Override
    public String toString() {
        return "GenConfig[url=" + Secrets.redactUrl(url) + ", user=" + user + ", schemas=" + schemas
                + ", classpath=" + classpath + ", dir=" + migrationsDir + "]";
    }
}
