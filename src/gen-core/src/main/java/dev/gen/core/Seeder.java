package dev.gen.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gen.cache.ModelCache;
import dev.gen.hibernate.SeedingBoot;
import dev.gen.hibernate.TargetSettings;
import dev.gen.hibernate.UnsupportedMappingException;
import dev.gen.plan.Step;
import dev.gen.scan.EntityScanner;
import dev.gen.scan.EntitySet;
import dev.gen.scan.ScanException;
import dev.gen.seed.SeedException;
import dev.gen.seed.SeedLoader;
import dev.gen.seed.SeedPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code seed}: applies the pending migrations, checks that the database matches the entities, and inserts the seed
 * file through the application's own entity classes and Hibernate, all under the migration lock.
 *
 * <p>The file is read and checked against the entities before anything touches the database, so a mistake in it
 * neither runs migrations nor inserts anything. {@code migration:generate} is unaffected: only {@code seed} builds a
 * session factory.
 */
public final class Seeder {

    private Seeder() {
    }

    public static SeedResult seed(GenConfig config, SeedRequest request) {
        return seed(config, request, ModelCache.disabled());
    }

    /** As {@link #seed(GenConfig, SeedRequest)}; {@code cache} speeds up the up-to-date check as for generate. */
    /** As {@link #seed(GenConfig, SeedRequest, ModelCache)}, with the cache in {@code cacheDirectory}. */
    public static SeedResult seed(GenConfig config, SeedRequest request, java.nio.file.Path cacheDirectory) {
        return seed(config, request, Generator.cache(cacheDirectory));
    }

    public static SeedResult seed(GenConfig config, SeedRequest request, ModelCache cache) {
        Path file = request.file();
        String shown = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new GenException("The seed file " + file.toAbsolutePath() + " does not exist. Write it (see the"
                    + " README, \"Seed data\") or point --file at it.", ExitCodes.USAGE);
        }
        JsonNode document = seedErrors(() -> SeedLoader.parse(file, shown));
        EntitySet entities;
        try {
            entities = EntityScanner.scan(config.classpath(), config.packages(), Set.copyOf(config.excludeServices()));
        } catch (ScanException e) {
            throw new GenException(e.getMessage(), ExitCodes.MODEL, e);
        }
        SeedingBoot.Booted boot;
        try {
            boot = SeedingBoot.boot(entities, new TargetSettings(config.defaultSchema(), config.properties()));
        } catch (UnsupportedMappingException e) {
            throw new GenException(e.getMessage(), ExitCodes.MODEL, e);
        }
        try (boot) {
            SeedPlan plan = seedErrors(() -> SeedLoader.read(boot, document, shown));
            return Migrations.runThen(config, request.runOptions(), request.migrate(), migrations -> {
                requireUpToDate(config, cache, request.migrate());
                try (Connection connection = Connections.open(config)) {
                    return new SeedResult(migrations,
                            seedErrors(() -> SeedLoader.load(boot, connection, plan, request.existing())));
                } catch (SQLException e) {
                    throw Connections.failure(config, e);
                }
            });
        }
    }

    /** Seeding a schema that differs from the entities would fail half-way or write rows the application can't read. */
    private static void requireUpToDate(GenConfig config, ModelCache cache, boolean migrated) {
        GenerateResult check = Generator.generate(config, GenerateRequest.check(), cache);
        if (check.hasChanges()) {
            String changes = check.plan().steps().stream().limit(10).map(Step::change)
                    .map(change -> change.describe()).collect(Collectors.joining("; "));
            int more = check.plan().steps().size() - 10;
            throw new GenException("Nothing was seeded: the database does not match the entities"
                    + (migrated ? " even after the pending migrations" : "") + ". It lacks " + changes
                    + (more > 0 ? "; and " + more + " more" : "") + ". "
                    + (migrated ? "Write a migration for these changes (gen migration:generate <Name>), then seed"
                            + " again." : "Apply the pending migrations (run seed without --no-migrate), or write"
                                    + " one (gen migration:generate <Name>), then seed again."),
                    ExitCodes.PENDING_CHANGES);
        }
    }

    private static <T> T seedErrors(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SeedException e) {
            throw new GenException(e.getMessage(), exitCode(e), e);
        }
    }

    /** Every kind has the one documented code; {@link SeedException#kind()} is there for callers of the library. */
    static int exitCode(SeedException e) {
        return ExitCodes.SEED_REJECTED;
    }
}
