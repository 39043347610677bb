package dev.gen.cli;

import dev.gen.core.GenConfig;
import dev.gen.core.MigrationCommands;
import dev.gen.core.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Files;

/**
 * Zero set-up: when no database is configured at all, {@code migration:generate} runs against an embedded
 * PostgreSQL into which the migrations directory was replayed first, so the diff is against what the history
 * builds. Commands that change a real database ({@code migration:run}, {@code revert}, {@code seed}) never come
 * here: they need a target.
 */
final class EmbeddedHistory implements AutoCloseable {

    private final EmbeddedServer server;
    private final GenConfig config;
    private final boolean replayedAny;

    private EmbeddedHistory(EmbeddedServer server, GenConfig config, boolean replayedAny) {
        this.server = server;
        this.config = config;
        this.replayedAny = replayedAny;
    }

    /** Starts the server, replays the configured migrations into a fresh database, and says so in one line. */
    static EmbeddedHistory start(GenConfig configured, PrintWriter err) {
        err.println("gen: no database is configured (--url, GEN_URL or url= in gen.properties), so gen compares the"
                + " entities with an embedded PostgreSQL 16 into which the migrations of " + replayed(configured)
                + " are replayed first.");
        err.flush();
        EmbeddedServer server = EmbeddedServer.start();
        try {
            String url = server.createDatabase("gen_history");
            GenConfig config = configured.withConnection(url, server.user(), null);
            // with locations (a library's package, say) they are the history, whether or not the directory exists
            boolean replayed = (!configured.locations().isEmpty() || Files.isDirectory(configured.migrationsDir()))
                    && !MigrationCommands.run(config, RunSettings.defaults()).migrations().isEmpty();
            return new EmbeddedHistory(server, config, replayed);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The locations when configured (the application's own first), else the migrations directory. */
    private static String replayed(GenConfig configured) {
        return configured.locations().isEmpty() ? configured.migrationsDir().toString()
                : String.join(" and ", configured.locations());
    }

    /** The settings pointing at the embedded database that holds the replayed history. */
    GenConfig config() {
        return config;
    }

    /** Whether the migrations directory held migrations that were replayed. */
    boolean replayedAny() {
        return replayedAny;
    }

    @Override
    public void close() {
        server.close();
    }
}
