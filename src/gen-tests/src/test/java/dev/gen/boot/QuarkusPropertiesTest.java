package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.ColumnOrder;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.HibernateSchemaExport;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Quarkus-style {@code application.properties}: a physical naming strategy, the default schema and the packages
 * of the default persistence unit. The database is what Hibernate creates through the Jakarta Persistence bootstrap
 * with the settings Quarkus derives from those keys, over the unit's package only (a real Quarkus application is
 * not started here); gen reads the file by itself.
 */
class QuarkusPropertiesTest {

    @TempDir
    Path work;

    @Test
    void quarkusApplicationNeedsNoMigrationAndGensInitBuildsItsSchema() throws IOException {
        Path shop = EntityCompiler.compile(work.resolve("shop"), SpringBootNamingTest.MODEL);
        Files.writeString(shop.resolve("application.properties"), """
                quarkus.datasource.db-kind=postgresql
                quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
                quarkus.hibernate-orm.database.default-schema=storefront
                quarkus.hibernate-orm.packages=shop
                """);
        Path library = EntityCompiler.compile(work.resolve("library"), Map.of("legacy/AuditEntry.java", """
                package legacy;
                import jakarta.persistence.*;
                @Entity
                public class AuditEntry {
                    @Id Long id;
                    String whatHappened;
                }
                """));
        Map<String, String> quarkusHibernate = Map.of(
                "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                "hibernate.default_schema", "storefront");
        try (TestDatabase app = TestDatabase.create("quarkus_app"); TestDatabase fresh = TestDatabase.create("quarkus_fresh")) {
            HibernateSchemaExport.create(List.of(shop), quarkusHibernate, app);
            Map<String, String> created = ColumnOrder.of(app);
            assertEquals(List.of("storefront.customer", "storefront.customer_nick_names", "storefront.customer_tag",
                    "storefront.tag"), List.copyOf(created.keySet()), created.toString());

            GenerateResult adoption = Generator.generate(BootConfig.of(work, List.of(shop, library), app), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "gen plans:\n" + adoption.plan().upStatements());

            GenConfig config = BootConfig.of(work, List.of(shop, library), fresh);
            assertEquals(List.of("storefront"), config.schemas());
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(CatalogSnapshot.of(app), "gen's Init vs Quarkus's settings");
            assertEquals(created, ColumnOrder.of(fresh));
        }
    }

}
