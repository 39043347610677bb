package dev.gen.core;

import dev.gen.emit.EmitOptions;
import dev.gen.emit.GeneratedMigration;
import dev.gen.introspect.Introspector;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.run.ConnectionFactory;
import dev.gen.run.MigrationSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.function.Predicate;

/**
 * The parts of the façade that {@code dev.gen.core.shadow} builds on, so that it reads the schema, names migrations and
 * writes them exactly as {@code migration:generate} does. Not an API for applications: use {@link Shadow}.
 */
public final class ShadowAccess {

    private ShadowAccess() {
    }

    /** The same project, pointed at another database (the shadow database) with these credentials. */
    public static GenConfig withDatabase(GenConfig config, String url, String user, String password) {
        return config.withConnection(url, user, password);
    }

    /** The tables gen leaves alone: the history table and {@code --exclude-table}. */
    public static Predicate<QualifiedName> excludedTables(GenConfig config) {
        return new TableFilter(QualifiedName.of(config.defaultSchema(), config.historyTable()), config.excludeTables());
    }

    /** The managed schemas of {@code connection}'s database, as {@code generate} reads the live side. */
    public static Schema readSchema(GenConfig config, Connection connection) throws SQLException {
        return Introspector.readSchema(connection, new HashSet<>(config.schemas()), excludedTables(config));
    }

    /** The migrations the runner would load: precompiled ones when configured, else the directory's sources. */
    public static MigrationSource source(GenConfig config) {
        return Migrations.source(config);
    }

    /** Connections to the configured database, whose failures become the connection advice (exit 4). */
    public static ConnectionFactory connections(GenConfig config) {
        return Migrations.checkedConnections(config);
    }

    public static GenException connectionFailure(GenConfig config, SQLException e) {
        return Connections.failure(config, e);
    }

    public static void requireValidName(String name) {
        Names.requireValid(name);
    }

    /** A new migration's timestamp, as {@code generate} picks it. */
    public static Instant timestampFor(GenConfig config, Long pinnedMillis, Clock clock) {
        return Names.timestampFor(config.migrationsDir(), pinnedMillis, clock == null ? Clock.systemUTC() : clock);
    }

    /** The options {@code generate} emits a migration with. */
    public static EmitOptions emitOptions(GenConfig config) {
        return EmitOptions.defaults().withJavaPackage(config.migrationsPackage()).withLockTimeout(config.lockTimeout())
                .withSearchPath(Generator.searchPath(config));
    }

    public static Path write(GenConfig config, GeneratedMigration migration) {
        return Generator.write(config.migrationsDir(), migration);
    }
}
