package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.ColumnOrder;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.HibernateSchemaExport;
import dev.gen.testing.HibernateSchemaValidator;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example entities against databases made by Hibernate's two paths: the Jakarta Persistence bootstrap with a
 * create action (Hibernate's column ordering applied, as {@code ddl-auto=create} gets it) and the native metadata
 * export (the mapping's order). Adoption finds nothing on either, and gen's Init migration builds the first one,
 * down to the order of the columns and of the composite keys.
 */
class CreatePathTest {

    private static final String JOIN_TABLE = "public.product_categories";

    @TempDir
    static Path work;

    static Path classes;

    @BeforeAll
    static void compile() {
        classes = ExampleModel.compile(work.resolve("classes"));
    }

    @Test
    void databaseCreatedByJakartaPersistenceNeedsNoMigration() {
        try (TestDatabase db = TestDatabase.create("create_path_jpa")) {
            HibernateSchemaExport.create(List.of(classes), Map.of(), db);
            // Hibernate's standard ordering sorts the join table's key by the columns' names, not as mapped
            assertTrue(ColumnOrder.of(db).get(JOIN_TABLE).endsWith("PRIMARY KEY (category_id, product_id)"),
                    ColumnOrder.of(db).toString());
            assertNoChanges(db);
        }
    }

    @Test
    void databaseCreatedWithoutTheReorderingNeedsNoMigrationEither() {
        try (TestDatabase db = TestDatabase.create("create_path_native")) {
            HibernateSchemaExport.createWithMetadataSources(List.of(classes), Map.of(), db);
            assertTrue(ColumnOrder.of(db).get(JOIN_TABLE).endsWith("PRIMARY KEY (product_id, category_id)"),
                    ColumnOrder.of(db).toString());
            assertNoChanges(db);
        }
    }

    @Test
    void initMigrationBuildsTheBootstrapsCatalogInItsColumnOrder() {
        try (TestDatabase db = TestDatabase.create("create_path_gen");
                TestDatabase export = TestDatabase.create("create_path_export");
                TestDatabase unordered = TestDatabase.create("create_path_unordered")) {
            HibernateSchemaExport.create(List.of(classes), Map.of(), export);
            HibernateSchemaExport.createWithMetadataSources(List.of(classes), Map.of(), unordered);
            assertNotEquals(ColumnOrder.of(unordered), ColumnOrder.of(export), "the two paths must differ here");

            GenConfig config = config(db, Map.of());
            GenerateResult init = Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            assertTrue(init.hasChanges());
            Migrations.run(config, RunOptions.defaults());

            CatalogSnapshot.of(db).assertEquals(CatalogSnapshot.of(export), "gen's Init vs the bootstrap's create");
            assertEquals(ColumnOrder.of(export), ColumnOrder.of(db), "column and key order of gen's Init");
            HibernateSchemaValidator.validate(List.of(classes), Map.of(), db);
            assertNoChanges(db);
        }
    }

    @Test
    void legacyOrderingStrategyKeepsTheMappingsOrder() {
        Map<String, String> legacy = Map.of("hibernate.column_ordering_strategy", "legacy");
        try (TestDatabase db = TestDatabase.create("create_path_legacy");
                TestDatabase export = TestDatabase.create("create_path_legacy_export");
                TestDatabase unordered = TestDatabase.create("create_path_legacy_native")) {
            HibernateSchemaExport.create(List.of(classes), legacy, export);
            HibernateSchemaExport.createWithMetadataSources(List.of(classes), legacy, unordered);
            assertEquals(ColumnOrder.of(unordered), ColumnOrder.of(export), "legacy: both paths keep the mapping's order");

            GenConfig config = config(db, legacy);
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            assertEquals(ColumnOrder.of(export), ColumnOrder.of(db));
        }
    }

    private static void assertNoChanges(TestDatabase db) {
        GenerateResult check = Generator.generate(config(db, Map.of()), GenerateRequest.check());
        assertFalse(check.hasChanges(), () -> "expected No changes, gen plans:\n" + check.plan().upStatements());
    }

    private static GenConfig config(TestDatabase db, Map<String, String> settings) {
        return new GenConfig(db.jdbcUrl(), db.user(), db.password(), List.of("public"), List.of(classes), List.of(),
                work.resolve("migrations-" + db.name()), null, "gen_migrations", List.of(), settings, false, null);
    }
}
