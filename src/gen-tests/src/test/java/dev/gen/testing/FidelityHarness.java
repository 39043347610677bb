package dev.gen.testing;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fidelity oracle: gen's migrations must leave exactly what Hibernate's own schema export creates, pass
 * Hibernate's {@code SchemaValidator}, and leave nothing to generate. It owns two databases (one gen works on,
 * one Hibernate exports into) and empties them between models, so one harness serves a whole test class.
 */
public final class FidelityHarness implements AutoCloseable {

    /** One entity model: compiled sources, the Hibernate settings the application uses, and gen's schemas. */
    public record Model(String name, Path classes, Map<String, String> settings, List<String> schemas) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final AtomicLong CLOCK = new AtomicLong(1_700_000_000_000L);

    private final TestDatabase genDatabase;
    private final TestDatabase hibernateDatabase;
    private final Path workDirectory;

    public FidelityHarness(String prefix) {
        this.genDatabase = TestDatabase.create(prefix + "_gen");
        this.hibernateDatabase = TestDatabase.create(prefix + "_hib");
        try {
            this.workDirectory = Files.createTempDirectory("gen-fidelity-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestDatabase genDatabase() {
        return genDatabase;
    }

    public TestDatabase hibernateDatabase() {
        return hibernateDatabase;
    }

    /** Compiles a model; {@code settings} are the application's {@code hibernate.*} properties. */
    public Model model(String name, Map<String, String> sources, Map<String, String> settings, String... schemas) {
        Path classes = EntityCompiler.compile(newDirectory("classes-" + name), sources);
        List<String> genSchemas = schemas.length == 0 ? List.of("public") : List.of(schemas);
        return new Model(name, classes, new LinkedHashMap<>(settings), genSchemas);
    }

    public Model model(String name, Map<String, String> sources) {
        return model(name, sources, Map.of());
    }

    /**
     * (a) empty database, generate, run: Hibernate's validator passes, the catalog equals Hibernate's export,
     * generating again finds nothing; (b) adoption: generating against Hibernate's export finds nothing.
     */
    public void roundTrip(Model model) {
        reset(genDatabase);
        reset(hibernateDatabase);
        HibernateSchemaExport.create(List.of(model.classes()), model.settings(), hibernateDatabase);
        CatalogSnapshot exported = CatalogSnapshot.of(hibernateDatabase);

        Path migrations = newDirectory("migrations-" + model.name());
        GenConfig config = config(model, genDatabase, migrations);
        GenerateResult first = Generator.generate(config, GenerateRequest.write("Create" + model.name())
                .at(CLOCK.getAndAdd(1000)));
        if (!first.hasChanges()) {
            throw new AssertionError(model + ": generate on an empty database found nothing to do");
        }
        try {
            Migrations.run(config, RunOptions.defaults());
        } catch (RuntimeException e) {
            throw new AssertionError(model + ": gen's migration from an empty database does not run: " + e.getMessage()
                    + "\nmigration:\n" + String.join(";\n", first.plan().upStatements()), e);
        }
        CatalogSnapshot built = CatalogSnapshot.of(genDatabase);
        built.assertEquals(exported, model + ": gen's migration from an empty database vs Hibernate's export"
                + "\nmigration:\n" + String.join(";\n", first.plan().upStatements()));
        try {
            HibernateSchemaValidator.validate(List.of(model.classes()), model.settings(), genDatabase);
        } catch (RuntimeException e) {
            throw new AssertionError(model + ": Hibernate's SchemaValidator rejects gen's database: " + e.getMessage(), e);
        }
        assertNoChanges(model, genDatabase, model + ": generate again after gen's own migration");
        assertNoChanges(model, hibernateDatabase, model + ": adoption (generate against Hibernate's export)");
    }

    /**
     * (c) the database Hibernate exports from v1; generate for v2 (destructive changes allowed), run: the catalog
     * equals v2's export, and generating again finds nothing; then revert: the catalog equals v1's export again
     * (when {@code reversible}).
     */
    public void evolve(Model v1, Model v2, boolean reversible, Map<String, String> backfills) {
        reset(genDatabase);
        reset(hibernateDatabase);
        HibernateSchemaExport.create(List.of(v1.classes()), v1.settings(), genDatabase);
        // A project that moves tables between schemas has both: gen never drops a schema, so both sides get all.
        createSchemas(genDatabase, concat(v1.schemas(), v2.schemas()));
        CatalogSnapshot before = CatalogSnapshot.of(genDatabase);
        HibernateSchemaExport.create(List.of(v2.classes()), v2.settings(), hibernateDatabase);
        createSchemas(hibernateDatabase, concat(v1.schemas(), v2.schemas()));
        CatalogSnapshot expected = CatalogSnapshot.of(hibernateDatabase);

        Path migrations = newDirectory("migrations-" + v2.name());
        GenConfig config = config(v2, genDatabase, migrations);
        GenerateResult result = Generator.generate(config, GenerateRequest.write("To" + v2.name())
                .at(CLOCK.getAndAdd(1000)).allowingDestructive().withBackfills(backfills));
        if (!result.hasChanges()) {
            throw new AssertionError(v1 + " -> " + v2 + ": generate found no change");
        }
        String up = String.join(";\n", result.plan().upStatements());
        Migrations.run(config, RunOptions.defaults());
        CatalogSnapshot.of(genDatabase).assertEquals(expected, v1 + " -> " + v2 + ": after the migration vs v2's export"
                + "\nmigration:\n" + up);
        try {
            HibernateSchemaValidator.validate(List.of(v2.classes()), v2.settings(), genDatabase);
        } catch (RuntimeException e) {
            throw new AssertionError(v1 + " -> " + v2 + ": Hibernate's SchemaValidator rejects the migrated database: "
                    + e.getMessage(), e);
        }
        assertNoChanges(v2, genDatabase, v1 + " -> " + v2 + ": generate again after the migration");
        if (reversible) {
            Migrations.revert(config, RunOptions.defaults(), 1);
            CatalogSnapshot.of(genDatabase).assertEquals(before, v1 + " -> " + v2 + ": after revert vs v1's export"
                    + "\ndown:\n" + String.join(";\n", result.plan().downStatements()));
            // what the revert re-created from the catalog's own text must not look like a change to gen
            assertNoChanges(v1, genDatabase, v1 + " -> " + v2 + ": generate for v1 after the revert");
        }
    }

    public void evolve(Model v1, Model v2, boolean reversible) {
        evolve(v1, v2, reversible, Map.of());
    }

    private static void createSchemas(TestDatabase database, List<String> schemas) {
        for (String schema : new java.util.TreeSet<>(schemas)) {
            database.execute("create schema if not exists \"" + schema.replace("\"", "\"\"") + "\"");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs generate in check mode and fails with the planned statements if it finds anything. */
    public void assertNoChanges(Model model, TestDatabase database, String what) {
        GenerateResult again = Generator.generate(config(model, database, newDirectory("check")), GenerateRequest.check());
        if (again.hasChanges()) {
            throw new AssertionError(what + ": expected No changes, but gen plans:\n  "
                    + String.join(";\n  ", again.plan().upStatements()));
        }
    }

    public GenConfig config(Model model, TestDatabase database, Path migrations) {
        return new GenConfig(database.jdbcUrl(), database.user(), database.password(), model.schemas(),
                List.of(model.classes()), List.of(), migrations, null, "gen_migrations", List.of(), model.settings(),
                false, null);
    }

    /** Drops every schema of the database (with all it holds) and recreates an empty {@code public}. */
    public static void reset(TestDatabase database) {
        database.execute("do $$ declare r record; begin for r in select nspname from pg_namespace"
                + " where nspname not like 'pg\\_%' and nspname <> 'information_schema' loop"
                + " execute format('drop schema %I cascade', r.nspname); end loop; end $$",
                "create schema public");
    }

    private Path newDirectory(String name) {
        try {
            return Files.createTempDirectory(workDirectory, name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        genDatabase.close();
        hibernateDatabase.close();
    }
}
