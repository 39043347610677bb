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

    /** Precompiled migrations when configured, otherwise the sources of the migrations directory. */
    static MigrationSource source(GenConfig config) {
        if (config.migrationsClasspath().isEmpty() && !java.nio.file.Files.isDirectory(config.migrationsDir())) {
            // A configuration error (a mistyped --dir, or no migration yet), not a disagreement with the history.
            throw new GenException("The migrations directory " + config.migrationsDir().toAbsolutePath()
                    + (java.nio.file.Files.exists(config.migrationsDir()) ? " is not a directory." : " does not exist.")
                    + " Create a migration first (gen migration:generate <Name> or gen migration:create <Name>), or"
                    + " point --dir (GEN_DIR, dir=) at the directory that holds them.", ExitCodes.USAGE);
        }
        return config.migrationsClasspath().isEmpty() ? dev.gen.compile.MigrationSources.directory(config.migrationsDir())
                : MigrationSource.classpath(config.migrationsClasspath());
    }

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
