package dev.gen.core;

import dev.gen.emit.EmitOptions;
import dev.gen.emit.GeneratedMigration;
import dev.gen.emit.MigrationEmitter;
import dev.gen.run.ConnectionFactory;
import dev.gen.run.MigrationSource;
import dev.gen.run.MigrationStatus;
import dev.gen.run.RepairResult;
import dev.gen.run.RevertResult;
import dev.gen.run.RunOptions;
import dev.gen.run.RunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The façade over the migrations directory and the runner: {@code create}, {@code run}, {@code revert},
 * {@code show}, {@code baseline} and {@code repair}, with the migrations compiled from the configured directory.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Writes a blank migration and returns its path. */
    public static Path create(GenConfig config, String name, Long timestampMillis, Clock clock) {
        Names.requireValid(name);
        Instant timestamp = Names.timestampFor(config.migrationsDir(), timestampMillis,
                clock == null ? Clock.systemUTC() : clock);
        GeneratedMigration migration = new MigrationEmitter().blank(name, timestamp,
                EmitOptions.defaults().withJavaPackage(config.migrationsPackage()));
        return Generator.write(config.migrationsDir(), migration);
    }

    public static RunResult run(GenConfig config, RunOptions options) {
        return runner(config, options).run();
    }

    /**
     * Applies the pending migrations ({@code migrate}) or none, then runs {@code then} under the same migration lock
     * (see {@link dev.gen.run.Migrations#runThen}). Without {@code migrate} the migrations directory is not read.
     */
    public static <T> T runThen(GenConfig config, RunOptions options, boolean migrate,
            java.util.function.Function<RunResult, T> then) {
        MigrationSource source = migrate ? source(config) : new MigrationSource() {
            @Override
            public List<dev.gen.run.LoadedMigration> load() {
                return List.of();
            }

            @Override
            public String describe() {
                return "no migrations (--no-migrate)";
            }
        };
        return new dev.gen.run.Migrations(new CheckedConnections(config, Connections.factory(config)), source,
                options(config, options)).runThen(migrate, then);
    }

    public static RunResult baseline(GenConfig config, RunOptions options, String version) {
        return runner(config, options).baseline(version);
    }

    public static RevertResult revert(GenConfig config, RunOptions options, int count) {
        return runner(config, options).revert(count);
    }

    public static RevertResult revertTo(GenConfig config, RunOptions options, String version) {
        return runner(config, options).revertTo(version);
    }

    public static List<MigrationStatus> status(GenConfig config, RunOptions options) {
        return runner(config, options).status();
    }

    public static RepairResult repair(GenConfig config, RunOptions options) {
        return runner(config, options).repair();
    }

    /** Run options with the configuration's history table; the caller's other settings are kept. */
    public static RunOptions options(GenConfig config, RunOptions base) {
        return base.withHistoryTable(config.defaultSchema(), config.historyTable());
    }

    /**
     * The configured locations together, the application's own first; without locations, precompiled migrations when
     * configured, otherwise the sources of the migrations directory.
     */
    static MigrationSource source(GenConfig config) {
        if (!config.locations().isEmpty()) {
            return MigrationSource.locations(config.locations().stream().map(l -> location(config, l)).toList());
        }
        if (config.migrationsClasspath().isEmpty() && !java.nio.file.Files.isDirectory(config.migrationsDir())) {
            // A configuration error (a mistyped --dir, or no migration yet), not a disagreement with the history.
            throw new GenException("The migrations directory " + config.migrationsDir().toAbsolutePath()
                    + (java.nio.file.Files.exists(config.migrationsDir()) ? " is not a directory." : " does not exist.")
                    + " Create a migration first (gen migration:generate <Name> or gen migration:create <Name>), or"
                    + " point --dir (GEN_DIR, dir=) at the directory that holds them.", ExitCodes.USAGE);
        }
        return config.migrationsClasspath().isEmpty()
                ? dev.gen.compile.MigrationSources.directory(config.migrationsDir(), migrationsCompileClasspath(config))
                : MigrationSource.classpath(config.migrationsClasspath());
    }

    /** One entry of {@code locations}: {@code classpath:<package>} in the migrations classpath, else a directory. */
    private static MigrationSource location(GenConfig config, String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String packageName = location.substring(CLASSPATH_PREFIX.length()).trim();
            if (config.migrationsClasspath().isEmpty() || packageName.isEmpty()) {
                throw new GenException("The location " + location + " names a package of precompiled migrations, "
                        + (packageName.isEmpty() ? "but no package. Write classpath:<package>, for example"
                        + " classpath:com.example.core.db." : "but no --migrations-classpath (migrations-classpath=)"
                        + " says which jars and directories to look in. Add the library's jar there."),
                        ExitCodes.USAGE);
            }
            return MigrationSource.classpath(config.migrationsClasspath(), packageName);
        }
        Path directory = Path.of(location);
        if (!java.nio.file.Files.isDirectory(directory)) {
            throw new GenException("The migrations location " + location + " is not a directory. Correct --locations"
                    + " (locations=): each entry is a directory of migration sources or classpath:<package>.",
                    ExitCodes.USAGE);
        }
        return dev.gen.compile.MigrationSources.directory(directory, migrationsCompileClasspath(config));
    }

    /** What migration sources compile and run against besides gen: the entity classpath, then the migrations'. */
    private static List<Path> migrationsCompileClasspath(GenConfig config) {
        java.util.Set<Path> entries = new java.util.LinkedHashSet<>(config.classpath());
        entries.addAll(config.migrationsClasspath());
        return List.copyOf(entries);
    }

    public static final String CLASSPATH_PREFIX = "classpath:";

    private static dev.gen.run.Migrations runner(GenConfig config, RunOptions options) {
        return new dev.gen.run.Migrations(checkedConnections(config),
                source(config), options(config, options));
    }

    /** Connections to the configured database whose failures carry the same advice {@code generate} gives. */
    static ConnectionFactory checkedConnections(GenConfig config) {
        return new CheckedConnections(config, Connections.factory(config));
    }

    /** Turns the driver's connection failures into the same advice {@code generate} gives. */
    private record CheckedConnections(GenConfig config, ConnectionFactory delegate) implements ConnectionFactory {
        @Override
        public java.sql.Connection open() {
            try {
                return delegate.open();
            } catch (java.sql.SQLException e) {
                throw Connections.failure(config, e);
            }
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
