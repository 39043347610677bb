package dev.gen.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's classpath carries Hibernate extensions registered through service files. One built for another
 * Hibernate must not stop gen: it is skipped with a warning naming it; any provider can be excluded by name.
 */
class ExtensionServicesTest {

    private static final String ENTITY = """
            package shop;
            @jakarta.persistence.Entity
            public class Item {
                @jakarta.persistence.Id Long id;
                String name;
            }
            """;

    @TempDir
    Path work;

    @Test
    void anExtensionThatDoesNotLinkIsSkippedWithAWarning() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "shop/Item.java", ENTITY,
                "ext/Gone.java", "package ext; public class Gone {}",
                "ext/OldIntegrator.java", """
                        package ext;
                        public class OldIntegrator implements org.hibernate.integrator.spi.Integrator {
                            public Gone legacyHook() { return null; }
                        }
                        """));
        Files.delete(classes.resolve("ext/Gone.class")); // as if built against a library gen does not carry
        register(classes, "ext.OldIntegrator");
        try (TestDatabase db = TestDatabase.create("old_extension")) {
            GenerateResult result = Generator.generate(config(db, classes, List.of()), GenerateRequest.check());
            assertTrue(result.hasChanges(), "the entity is still read");
            assertEquals(1, result.warnings().size(), result.warnings().toString());
            assertTrue(result.warnings().get(0).contains("ext.OldIntegrator"), result.warnings().toString());
            assertTrue(result.warnings().get(0).contains("--exclude-service"), result.warnings().toString());
        }
    }

    @Test
    void aProviderCanBeExcludedByName() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "shop/Item.java", ENTITY,
                "ext/Failing.java", """
                        package ext;
                        public class Failing implements org.hibernate.integrator.spi.Integrator {
                            @Override
                            public void integrate(org.hibernate.boot.Metadata metadata,
                                    org.hibernate.boot.spi.BootstrapContext context,
                                    org.hibernate.engine.spi.SessionFactoryImplementor factory) {
                                throw new IllegalStateException("needs a session factory");
                            }
                        }
                        """));
        register(classes, "ext.Failing");
        try (TestDatabase db = TestDatabase.create("excluded_extension")) {
            GenerateResult result = Generator.generate(config(db, classes, List.of("ext.Failing")),
                    GenerateRequest.check());
            assertTrue(result.hasChanges());
            assertTrue(result.warnings().get(0).contains("excluded"), result.warnings().toString());
            // without the exclusion the provider is kept (it links), and gen never builds a session factory, so
            // Hibernate never calls it either: generating works, which is what an application's build needs
            assertTrue(Generator.generate(config(db, classes, List.of()), GenerateRequest.check()).warnings().isEmpty());
        }
    }

    @Test
    void aClassMissingFromTheEntityClasspathIsNamed() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "shop/Money.java", "package shop; public class Money { long cents; }",
                "shop/Priced.java", """
                        package shop;
                        @jakarta.persistence.Entity
                        public class Priced {
                            @jakarta.persistence.Id Long id;
                            @jakarta.persistence.Convert(converter = MoneyConverter.class) Money price;
                        }
                        """,
                "shop/MoneyConverter.java", """
                        package shop;
                        public class MoneyConverter implements jakarta.persistence.AttributeConverter<Money, Long> {
                            public Long convertToDatabaseColumn(Money m) { return m == null ? null : m.cents; }
                            public Money convertToEntityAttribute(Long c) { return null; }
                        }
                        """));
        Files.delete(classes.resolve("shop/Money.class"));
        try (TestDatabase db = TestDatabase.create("missing_class")) {
            GenException failure = assertThrows(GenException.class,
                    () -> Generator.generate(config(db, classes, List.of()), GenerateRequest.check()));
            assertEquals(5, failure.exitCode(), failure.getMessage());
            assertTrue(failure.getMessage().contains("shop/Money") || failure.getMessage().contains("shop.Money"),
                    failure.getMessage());
        }
    }

    private static void register(Path classes, String provider) throws Exception {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.hibernate.integrator.spi.Integrator"), provider + "\n");
    }

    private GenConfig config(TestDatabase db, Path classes, List<String> excludedServices) {
        return new GenConfig(db.jdbcUrl(), db.user(), db.password(), List.of("public"), List.of(classes), List.of(),
                work.resolve("migrations"), null, "gen_migrations", List.of(), Map.of(), false, null, excludedServices);
    }
}
