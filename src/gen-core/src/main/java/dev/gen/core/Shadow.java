package dev.gen.core;

import dev.gen.cache.ModelCache;
import dev.gen.core.shadow.Adopter;
import dev.gen.core.shadow.Drift;
import dev.gen.core.shadow.ShadowServer;
import dev.gen.core.shadow.Verifier;
import dev.gen.core.shadow.VerifyReport;
import java.time.Clock;
import java.util.List;

/**
 * The commands that work in a shadow database (see {@code dev.gen.core.shadow}): a scratch database created on the
 * target's server, or on the server of {@code shadowUrl} when given, filled by replaying the migrations, and
 * dropped afterwards.
 */
public final class Shadow {

    private Shadow() {
    }

    /** {@code migration:generate --from-history}: the entities diffed against what the migrations build. */
    public static GenerateResult generateFromHistory(GenConfig config, GenerateRequest request, ModelCache cache,
            String shadowUrl) {
        return dev.gen.core.shadow.FromHistory.generate(config, request, cache, ShadowServer.forTarget(config, shadowUrl));
    }

    /** As {@link #generateFromHistory(GenConfig, GenerateRequest, ModelCache, String)}, caching in a directory. */
    public static GenerateResult generateFromHistory(GenConfig config, GenerateRequest request,
            java.nio.file.Path cacheDirectory, String shadowUrl) {
        return generateFromHistory(config, request, Generator.cache(cacheDirectory), shadowUrl);
    }

    /** As {@link #verify(GenConfig, List, ModelCache, String)}, with the cache in {@code cacheDirectory} (or none). */
    public static VerifyReport verify(GenConfig config, List<String> names, java.nio.file.Path cacheDirectory,
            String shadowUrl) {
        return verify(config, names, Generator.cache(cacheDirectory), shadowUrl);
    }

    /**
     * Creates the empty database {@code name} through {@code maintenance}, a connection to another database of the
     * same server (an embedded server's {@code postgres}, say).
     */
    public static void createDatabase(java.sql.Connection maintenance, String name) throws java.sql.SQLException {
        try (java.sql.Statement statement = maintenance.createStatement()) {
            statement.execute("CREATE DATABASE " + dev.gen.sql.Quote.ident(name));
        }
    }

    /** {@code migration:verify}: the named migrations, or those the target has not applied. */
    public static VerifyReport verify(GenConfig config, List<String> names, ModelCache cache, String shadowUrl) {
        return Verifier.verify(config, ShadowServer.forTarget(config, shadowUrl), names, cache);
    }

    /** {@code migration:drift}: the target compared with what its applied history builds. */
    public static Drift.Report drift(GenConfig config, String shadowUrl) {
        return Drift.detect(config, ShadowServer.forTarget(config, shadowUrl));
    }

    /** {@code migration:drift --adopt Name}. */
    public static Adopter.Result adopt(GenConfig config, String name, Long timestampMillis, Clock clock,
            boolean allowDestructive, String shadowUrl) {
        return Adopter.adopt(config, ShadowServer.forTarget(config, shadowUrl), name, timestampMillis, clock,
                allowDestructive);
    }

    /** The target server's PostgreSQL major version, for the warning when the shadow goes elsewhere. */
    public static int serverMajorVersion(GenConfig config) {
        try (java.sql.Connection c = Connections.open(config)) {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (java.sql.SQLException e) {
            throw Connections.failure(config, e);
        }
    }
}
