package dev.gen.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Applies an application's precompiled migrations at startup, with the same lock and validation as the
 * {@code gen run} command:
 *
 * <pre>{@code
 * Migrator.migrate(dataSource, "com.example.db.migrations");
 * // or, with options:
 * Migrator.configure(dataSource).packages("com.example.db.migrations").historyTable("app", "schema_history")
 *         .lockTimeout("10s").migrate();
 * }</pre>
 *
 * <p>Migrations are found by class name ({@code V<yyyyMMddHHmmss>__<Name>}, implementing {@link dev.gen.api.Migration}) in the
 * given packages, or on the whole classpath of the class loader when none is given. Each package is a location: the
 * first is the application's own, the others are libraries' (a library jar ships its entities' migrations in its
 * own package). They run together in one version order, and each history record names its package. A library's
 * migration that is older than the application's newest applied one still runs when it appears (the library was
 * upgraded); the application's own keep the strict order unless {@link #outOfOrder(boolean)} allows it. The
 * DataSource must be able to lend two connections at once: one holds the lock while the other runs the migrations.
 * Instances are immutable.
 */
public final class Migrator {

    private final javax.sql.DataSource dataSource;
    private final ClassLoader classLoader;
    private final List<String> packages;
    private final RunOptions options;

    private Migrator(javax.sql.DataSource dataSource, ClassLoader classLoader, List<String> packages,
            RunOptions options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.classLoader = classLoader;
        this.packages = List.copyOf(packages);
        this.options = options;
    }

    /** Applies the pending migrations found on the whole classpath. */
    public static RunResult migrate(javax.sql.DataSource dataSource) {
        return configure(dataSource).migrate();
    }

    /** Applies the pending migrations found in these packages (and their sub-packages). */
    public static RunResult migrate(javax.sql.DataSource dataSource, String... packages) {
        return configure(dataSource).packages(packages).migrate();
    }

    /** Default options: history table {@code public.gen_migrations}, one transaction per migration. */
    public static Migrator configure(javax.sql.DataSource dataSource) {
        return new Migrator(dataSource, null, List.of(), RunOptions.defaults());
    }

    /** The application's migration package first, then the packages of libraries' migrations. */
    public Migrator packages(String... names) {
        return new Migrator(dataSource, classLoader, List.of(names), options);
    }

    /** Where a library jar declares the packages of the migrations it ships, one package a line. */
    public static final String DECLARED_LOCATIONS = "META-INF/gen/locations";

    /**
     * The migration packages that library jars visible to {@code loader} declare in {@value #DECLARED_LOCATIONS}
     * (blank lines and {@code #} comments ignored), in class path order, each once. An application that lists
     * {@code packages(own, Migrator.declaredLocations(loader)...)} runs every library's migrations without naming
     * them.
     */
    public static List<String> declaredLocations(ClassLoader loader) {
        java.util.Set<String> packages = new java.util.LinkedHashSet<>();
        try {
            java.util.Enumeration<java.net.URL> files = loader.getResources(DECLARED_LOCATIONS);
            while (files.hasMoreElements()) {
                java.net.URL file = files.nextElement();
                try (var in = file.openStream()) {
                    for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .split("\\R")) {
                        String name = line.strip();
                        if (!name.isEmpty() && !name.startsWith("#")) {
                            packages.add(name);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new dev.gen.run.MigrationException("Cannot read " + DECLARED_LOCATIONS + " on the classpath: "
                    + e.getMessage(), e);
        }
        return List.copyOf(packages);
    }

    /** Where to look for migrations; the thread's context class loader by default. */
    public Migrator classLoader(ClassLoader loader) {
        return new Migrator(dataSource, loader, packages, options);
    }

    public Migrator historyTable(String schema, String table) {
        return new Migrator(dataSource, classLoader, packages, options.withHistoryTable(schema, table));
    }

    public Migrator transactionMode(TransactionMode mode) {
        return new Migrator(dataSource, classLoader, packages, options.withTransactionMode(mode));
    }

    /** PostgreSQL's {@code lock_timeout} for migrations that set none, such as {@code "10s"}. */
    public Migrator lockTimeout(String timeout) {
        return new Migrator(dataSource, classLoader, packages, options.withLockTimeout(timeout));
    }

    /** PostgreSQL's {@code statement_timeout} for migrations that set none. */
    public Migrator statementTimeout(String timeout) {
        return new Migrator(dataSource, classLoader, packages, options.withStatementTimeout(timeout));
    }

    /** How long to wait for another instance that is migrating (5 minutes by default). */
    public Migrator lockWait(Duration wait) {
        return new Migrator(dataSource, classLoader, packages, options.withLockWait(wait));
    }

    public Migrator outOfOrder(boolean allowed) {
        return new Migrator(dataSource, classLoader, packages, options.withOutOfOrder(allowed));
    }

    /** Any other setting, for what the shortcuts above do not cover. */
    public Migrator options(RunOptions runOptions) {
        return new Migrator(dataSource, classLoader, packages, runOptions);
    }

    /**
     * Applies what is pending, and logs (through {@link System.Logger}, which reaches java.util.logging or the
     * application's logging bridge) each migration applied with its duration, then a one-line summary.
     */
    public RunResult migrate() {
        Migrations migrations = migrations();
        RunResult result = migrations.run();
        log(result, "Applied");
        return result;
    }

    /** Records every migration up to {@code version} as applied without running it (adopting an existing schema). */
    public RunResult baseline(String version) {
        RunResult result = migrations().baseline(version);
        log(result, "Baselined");
        return result;
    }

    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

    private static void log(RunResult result, String verb) {
        for (dev.gen.run.ExecutedMigration migration : result.applied()) {
            LOG.log(System.Logger.Level.INFO, "gen: {0} {1} ({2} ms)", verb, migration.id(),
                    migration.executionMs());
        }
        int count = result.applied().size();
        LOG.log(System.Logger.Level.INFO, count == 0 ? "gen: schema is up to date, no migration to apply ({1} ms)"
                : "gen: {0} " + (count == 1 ? "migration" : "migrations") + " " + verb.toLowerCase(java.util.Locale.ROOT)
                        + " in {1} ms, now at {2}", count, result.duration().toMillis(),
                count == 0 ? "" : result.applied().get(count - 1).id());
    }

    public List<MigrationStatus> status() {
        return migrations().status();
    }

    private Migrations migrations() {
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Migrator.class.getClassLoader();
        }
        ClassLoader classes = loader;
        MigrationSource source = packages.isEmpty() ? MigrationSource.classLoader(classes)
                : MigrationSource.locations(packages.stream().map(p -> MigrationSource.classLoader(classes, p))
                        .toList());
        return new Migrations(ConnectionFactory.of(dataSource), source, options);
    }
}
