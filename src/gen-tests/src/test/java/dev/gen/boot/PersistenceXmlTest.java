package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ConfigResolver;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.ColumnOrder;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code META-INF/persistence.xml} with two units: the application's lists a subset of the classpath's entities
 * ({@code exclude-unlisted-classes}), a mapping file that renames a table, and a naming strategy. The database is
 * what {@code Persistence.createEntityManagerFactory(unit)} creates; gen reads the same unit.
 */
class PersistenceXmlTest {

    static final String PERSISTENCE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="shop">
                <mapping-file>META-INF/shop-orm.xml</mapping-file>
                <class>shop.Customer</class>
                <class>shop.Tag</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <properties>
                  <property name="hibernate.physical_naming_strategy"
                            value="org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"/>
                  <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://db.internal:5432/shop"/>
                  <property name="jakarta.persistence.jdbc.password" value="never-read"/>
                </properties>
              </persistence-unit>
              <persistence-unit name="reporting">
                <class>legacy.AuditEntry</class>
              </persistence-unit>
            </persistence>
            """;

    static final String ORM_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.2">
              <entity class="shop.Tag">
                <table name="shop_tags"/>
              </entity>
            </entity-mappings>
            """;

    @TempDir
    static Path work;

    static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        Map<String, String> sources = new HashMap<>(SpringBootNamingTest.MODEL);
        sources.put("legacy/AuditEntry.java", """
                package legacy;
                import jakarta.persistence.*;
                @Entity
                public class AuditEntry {
                    @Id Long id;
                    String whatHappened;
                }
                """);
        classes = EntityCompiler.compile(work.resolve("classes"), sources);
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/persistence.xml"), PERSISTENCE_XML);
        Files.writeString(classes.resolve("META-INF/shop-orm.xml"), ORM_XML);
    }

    @Test
    void theUnitsDatabaseNeedsNoMigrationAndGensInitBuildsIt() {
        try (TestDatabase app = TestDatabase.create("pu_app"); TestDatabase fresh = TestDatabase.create("pu_fresh")) {
            createWithTheUnit(app);
            Map<String, String> created = ColumnOrder.of(app);
            // the listed classes only (no audit_entry), the mapping file's table name, the unit's naming strategy
            assertEquals(List.of("public.customer", "public.customer_nick_names", "public.customer_shop_tags",
                    "public.shop_tags"), List.copyOf(created.keySet()), created.toString());

            GenerateResult adoption = Generator.generate(config(app, "shop"), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "gen plans:\n" + adoption.plan().upStatements());

            GenConfig config = config(fresh, "shop");
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(CatalogSnapshot.of(app), "gen's Init vs the unit's create");
            assertEquals(created, ColumnOrder.of(fresh));
        }
    }

    @Test
    void twoUnitsWithoutAChoiceIsAUsageErrorNamingThem() {
        try (TestDatabase db = TestDatabase.create("pu_choice")) {
            GenException error = assertThrows(GenException.class, () -> config(db, null));
            assertEquals(2, error.exitCode());
            assertTrue(error.getMessage().contains("[reporting, shop]") && error.getMessage().contains("--persistence-unit"),
                    error.getMessage());
            GenException unknown = assertThrows(GenException.class, () -> config(db, "billing"));
            assertTrue(unknown.getMessage().contains("billing"), unknown.getMessage());
        }
    }

    @Test
    void theUnitsJdbcUrlIsTheDefaultAndItsPasswordIsNeverRead() {
        Map<String, String> flags = Map.of("classpath", classes.toString(), "persistence-unit", "shop");
        GenConfig config = ConfigResolver.resolve(flags, Map.of(), null, work);
        assertEquals("jdbc:postgresql://db.internal:5432/shop", config.url());
        assertEquals(null, config.password());
        assertFalse(config.properties().containsKey("jakarta.persistence.jdbc.password"));
        assertFalse(String.join("\n", config.describeSettings()).contains("never-read"));
    }

    /** The real Jakarta Persistence bootstrap of the unit, its classes found through the context class loader. */
    private static void createWithTheUnit(TestDatabase db) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", db.jdbcUrl());
        properties.put("jakarta.persistence.jdbc.user", db.user());
        properties.put("jakarta.persistence.jdbc.password", db.password() == null ? "" : db.password());
        properties.put("jakarta.persistence.schema-generation.database.action", "create");
        properties.put("hibernate.hbm2ddl.halt_on_error", "true");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PersistenceXmlTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            try (EntityManagerFactory factory = Persistence.createEntityManagerFactory("shop", properties)) {
                factory.getMetamodel();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static GenConfig config(TestDatabase db, String unit) {
        Map<String, String> flags = new HashMap<>();
        flags.put("classpath", classes.toString());
        flags.put("url", db.jdbcUrl());
        flags.put("user", db.user());
        flags.put("dir", work.resolve("migrations-" + db.name()).toString());
        if (unit != null) {
            flags.put("persistence-unit", unit);
        }
        return ConfigResolver.resolve(flags, Map.of(), null, work);
    }
}
