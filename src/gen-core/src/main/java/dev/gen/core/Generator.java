package dev.gen.core;

import dev.gen.cache.ModelCache;
import dev.gen.diff.Change;
import dev.gen.diff.SchemaDiff;
import dev.gen.emit.EmitOptions;
import dev.gen.emit.EmitUsageException;
import dev.gen.emit.GeneratedMigration;
import dev.gen.emit.MigrationEmitter;
import dev.gen.emit.MigrationParts;
import dev.gen.emit.MigrationWriter;
import dev.gen.hibernate.HibernateTarget;
import dev.gen.hibernate.TargetModel;
import dev.gen.hibernate.TargetSettings;
import dev.gen.hibernate.UnsupportedMappingException;
import dev.gen.introspect.IntrospectionResult;
import dev.gen.introspect.Introspector;
import dev.gen.model.ColumnRef;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.normalize.CheckSettler;
import dev.gen.normalize.DesiredNormalizer;
import dev.gen.normalize.DesiredSchemaException;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.plan.Guard;
import dev.gen.plan.GuardOptions;
import dev.gen.plan.LargeTables;
import dev.gen.plan.LockBudget;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import dev.gen.plan.Refusal;
import dev.gen.scan.EntityScanner;
import dev.gen.scan.EntitySet;
import dev.gen.scan.ScanException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code migration:generate}: entities and live database in, one migration out. The live schema is read on a
 * second thread while Hibernate builds its metadata, since the metadata is the slow part and needs no
 * connection.
 */
public final class Generator {

    /**
     * Where the front ends keep the desired-schema cache: relative to the working directory (the command line) or
     * the project's base directory (the Maven plugin); git-ignored.
     */
    public static final String CACHE_DIRECTORY = ".gen-cache";

    private Generator() {
    }

    public static GenerateResult generate(GenConfig config, GenerateRequest request) {
        return generate(config, request, ModelCache.disabled());
    }

    /**
     * As {@link #generate(GenConfig, GenerateRequest)}, taking the desired schema from {@code cache} when the
     * entity classes and settings are exactly those of an earlier run (no scan, no Hibernate boot), and storing it
     * there otherwise.
     */
    /** As {@link #generate(GenConfig, GenerateRequest, ModelCache)}, with the cache in {@code cacheDirectory}. */
    public static GenerateResult generate(GenConfig config, GenerateRequest request, java.nio.file.Path cacheDirectory) {
        return generate(config, request, cache(cacheDirectory));
    }

    /** The desired-schema cache in {@code directory}, or none when it is null ({@code --no-cache}). */
    static ModelCache cache(java.nio.file.Path directory) {
        return directory == null ? ModelCache.disabled() : ModelCache.in(directory);
    }

    public static GenerateResult generate(GenConfig config, GenerateRequest request, ModelCache cache) {
        if (request.mode() == GenerateRequest.Mode.WRITE || request.mode() == GenerateRequest.Mode.DRY_RUN) {
            Names.requireValid(request.name());
        }
        Timings timings = new Timings();
        QualifiedName history = QualifiedName.of(config.defaultSchema(), config.historyTable());
        TableFilter excluded = new TableFilter(history, config.excludeTables());
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gen-introspect");
            thread.setDaemon(true);
            return thread;
        });
        try (Connection connection = Connections.open(config)) {
            CompletableFuture<IntrospectionResult> live = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                try {
                    return Introspector.read(connection, new HashSet<>(config.schemas()), excluded);
                } catch (SQLException e) {
                    throw new CompletionException(Connections.failure(config, e));
                } finally {
                    timings.record("introspect", start);
                }
            }, executor);

            List<String> warnings = new ArrayList<>(config.application().warnings());
            TargetModel target = desiredModel(config, cache, timings, warnings);
            EntityTexts.check(target); // before the normaliser sends any of them
            DesiredScope.check(target, config);

            IntrospectionResult introspection = join(live);
            PendingMigrations.check(connection, config, request.allowPending()).ifPresent(warnings::add);
            StaleClasses.warning(config.classpath()).ifPresent(warnings::add);
            // The runner creates the first schema for its history table before any migration runs, so a
            // migration must neither create nor drop it.
            Schema current = withSchema(introspection.schema(), config.defaultSchema());
            long start = System.nanoTime();
            Schema desired;
            try {
                desired = DesiredNormalizer.normalize(connection, withoutExcluded(target.schema(), excluded), current);
                desired = CheckSettler.settle(connection, current, desired);
            } catch (DesiredSchemaException e) {
                throw new GenException(e.getMessage(), ExitCodes.MODEL, e);
            } catch (SQLException e) {
                throw Connections.failure(config, e);
            }
            timings.record("normalize", start);

            start = System.nanoTime();
            List<Change> changes = SchemaDiff.diff(current, desired,
                    RenameDetection.resolve(current, desired, request, config.defaultSchema()));
            timings.record("diff", start);

            Map<ColumnRef, String> backfills = Backfills.parse(request.backfills(), config.defaultSchema());
            Backfills.requireUsed(backfills, changes, current);
            java.util.function.Function<ColumnRef, dev.gen.model.Origin> origins =
                    ref -> target.origin(ref.table(), ref.column()).orElse(null);
            GuardOptions guardOptions = new GuardOptions(request.allowDestructive(), backfills);
            List<Refusal> refusals = new ArrayList<>(Guard.check(changes, current, origins, guardOptions));
            refusals.addAll(Guard.checkTypeDrops(changes, introspection.enumTypeUsers()));
            refusals.addAll(Guard.checkSetNotNull(changes,
                    NullRows.count(connection, NullRows.madeNotNull(changes, current)), origins, guardOptions));
            boolean check = request.mode() == GenerateRequest.Mode.CHECK;
            if (check) {
                refusals = CheckVerdicts.of(refusals, changes, dev.gen.diff.RenameCandidates.find(current, desired,
                        request.renames()), request.allowDestructive(), config.defaultSchema());
            }
            if (!refusals.isEmpty() && !check) { // --check reports each refused change with what it needs
                throw new GenException(Refusals.message(refusals), ExitCodes.REFUSED);
            }
            start = System.nanoTime();
            SqlRenderer renderer = new SqlRenderer(new RenderOptions(config.online()));
            Plan plan = new Planner(renderer).plan(changes, current, target.initStatements(), backfills,
                    new LargeTables(introspection.stats(), config.largeTableRows(), config.largeTableBytes()));
            timings.record("plan", start);
            if (plan.isEmpty() || check) {
                return new GenerateResult(plan, List.of(), timings, introspection.roundTrips(), warnings, refusals);
            }

            start = System.nanoTime();
            List<GenerateResult.Migration> migrations = emit(config, request, plan);
            timings.record("emit", start);
            return new GenerateResult(plan, migrations, timings, introspection.roundTrips(), warnings);
        } catch (SQLException e) {
            throw Connections.failure(config, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The schema Hibernate expects: from the cache on a hit (timed as {@code cache-hit}, or {@code cache-miss} for
     * the key and the lookup), else scanned and built
     * (timed as {@code scan} and {@code metadata}) and stored for the next run.
     */
    private static TargetModel desiredModel(GenConfig config, ModelCache cache, Timings timings,
            List<String> warnings) {
        TargetSettings settings = new TargetSettings(config.defaultSchema(), config.properties());
        long start = System.nanoTime();
        List<String> keyedPackages = new ArrayList<>(config.packages());
        config.excludeServices().forEach(service -> keyedPackages.add("!service:" + service)); // they change the boot too
        config.application().managedClasses().forEach(name -> keyedPackages.add("!class:" + name));
        Optional<ModelCache.Key> key = cache.key(config.classpath(), keyedPackages, settings);
        Optional<TargetModel> cached = key.flatMap(cache::load);
        if (cache.enabled()) {
            timings.record(cached.isPresent() ? "cache-hit" : "cache-miss", start);
        }
        if (cached.isPresent()) {
            return cached.get();
        }
        start = System.nanoTime();
        EntitySet entities;
        try {
            entities = EntityScanner.scanForApplicationsHibernate(config.classpath(), config.packages(),
                    Set.copyOf(config.excludeServices()));
        } catch (ScanException e) {
            throw new GenException(e.getMessage(), ExitCodes.MODEL, e);
        }
        entities = PersistenceUnitClasses.restrict(entities, config.application().managedClasses(), warnings);
        timings.record("scan", start);
        start = System.nanoTime();
        TargetModel target;
        try {
            target = HibernateTarget.build(entities, settings);
        } catch (UnsupportedMappingException e) {
            throw new GenException(e.getMessage(), ExitCodes.MODEL, e);
        }
        timings.record("metadata", start);
        warnings.addAll(entities.warnings());
        if (key.isPresent()) {
            start = System.nanoTime();
            cache.store(key.get(), target);
            timings.record("cache-store", start);
        }
        return target;
    }

    /**
     * The plan as one migration, or as consecutive parts when one transaction could not hold its locks
     * ({@link LockBudget}); written unless this is a dry run. The parts are written all or none.
     */
    private static List<GenerateResult.Migration> emit(GenConfig config, GenerateRequest request, Plan plan) {
        List<Plan> parts = LockBudget.split(plan, LockBudget.DEFAULT);
        List<Instant> timestamps = Names.timestampsFor(config.migrationsDir(), request.timestampMillis(),
                request.clock(), parts.size());
        EmitOptions emitOptions = EmitOptions.defaults().withJavaPackage(config.migrationsPackage())
                .withLockTimeout(config.lockTimeout()).withSearchPath(searchPath(config));
        List<GeneratedMigration> generated = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String name;
            try {
                name = MigrationParts.name(request.name(), i + 1, parts.size());
            } catch (EmitUsageException e) {
                throw new GenException(e.getMessage() + " The plan is split into " + parts.size() + " migrations"
                        + " named <name>_<part>_of_" + parts.size() + ", so the name must leave room for that"
                        + " suffix.", ExitCodes.USAGE, e);
            }
            String note = MigrationParts.note(request.name(), i + 1, parts.size(), LockBudget.DEFAULT);
            generated.add(new MigrationEmitter().emit(name, timestamps.get(i), parts.get(i),
                    note == null ? emitOptions : emitOptions.withHeader(note)));
        }
        List<Path> written = new ArrayList<>();
        if (request.mode() == GenerateRequest.Mode.WRITE) {
            try {
                for (GeneratedMigration migration : generated) {
                    written.add(write(config.migrationsDir(), migration));
                }
            } catch (GenException e) {
                for (Path file : written) { // never some parts without the others
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
        List<GenerateResult.Migration> migrations = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            migrations.add(new GenerateResult.Migration(generated.get(i).className(),
                    written.isEmpty() ? null : written.get(i), generated.get(i).javaSource()));
        }
        return migrations;
    }

    static Path write(Path directory, GeneratedMigration migration) {
        try {
            return new MigrationWriter().write(directory, migration);
        } catch (IOException e) {
            throw new GenException("Cannot write the migration " + migration.fileName() + " into " + directory + ": "
                    + e.getMessage() + ". Check that the directory (--dir) is writable.", ExitCodes.USAGE, e);
        }
    }

    private static IntrospectionResult join(CompletableFuture<IntrospectionResult> live) {
        try {
            return live.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GenException gen) {
                throw gen;
            }
            throw e;
        }
    }

    /**
     * The catalog prints objects of the managed schemas unqualified (see the introspector), and Hibernate's own
     * texts name enum types and sequences unqualified too; a migration for schemas other than {@code public}
     * therefore runs with them on its search path. None for the common case, so such migrations stay plain.
     */
    static String searchPath(GenConfig config) {
        if (config.schemas().equals(List.of("public"))) {
            return null;
        }
        List<String> schemas = new ArrayList<>(new TreeSet<>(config.schemas()));
        if (!schemas.contains("public")) {
            schemas.add("public");
        }
        return dev.gen.pg.Sql.idents(schemas);
    }

    private static Schema withSchema(Schema schema, String name) {
        if (schema.schemas().contains(name)) {
            return schema;
        }
        Set<String> schemas = new TreeSet<>(schema.schemas());
        schemas.add(name);
        return new Schema(schemas, schema.tables(), schema.sequences(), schema.enumTypes());
    }

    private static Schema withoutExcluded(Schema schema, TableFilter excluded) {
        Map<QualifiedName, Table> kept = new LinkedHashMap<>(schema.tables());
        kept.keySet().removeIf(excluded);
        return kept.size() == schema.tables().size() ? schema : schema.withTables(kept);
    }
}
