package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.ColumnOrder;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Spring Boot application, started in its own JVM on its own classpath (Spring Boot 4.0 with Hibernate 7.2,
 * Spring Boot 3.5 with Hibernate 6.6), creates its schema with {@code ddl-auto=create}; gen, given only that
 * classpath and the database, finds nothing to do. On an empty database gen's migrations make the same catalog, and
 * the application starts with {@code ddl-auto=validate} on it.
 */
class SpringBootApplicationTest {

    static final Map<String, String> APPLICATION = new HashMap<>(Map.of(
            "shop/ShopApplication.java", """
                    package shop;
                    import org.springframework.boot.SpringApplication;
                    import org.springframework.boot.autoconfigure.SpringBootApplication;
                    @SpringBootApplication
                    public class ShopApplication {
                        public static void main(String[] args) {
                            SpringApplication.run(ShopApplication.class, args).close();
                        }
                    }
                    """,
            "application.properties", """
                    spring.main.web-application-type=none
                    spring.main.banner-mode=off
                    spring.jpa.open-in-view=false
                    """));

    static {
        APPLICATION.putAll(SpringBootNamingTest.MODEL);
        APPLICATION.put("shop/OrderLine.java", """
                package shop;
                import jakarta.persistence.*;
                import java.math.BigDecimal;
                @Entity
                @IdClass(OrderLine.Key.class)
                public class OrderLine {
                    public record Key(Long orderNumber, Integer lineNumber) implements java.io.Serializable { }
                    @Id Long orderNumber;
                    @Id Integer lineNumber;
                    @Column(precision = 12, scale = 2) BigDecimal unitPrice;
                    boolean giftWrapped;
                    String productCode;
                }
                """);
    }

    @TempDir
    Path work;

    @ParameterizedTest(name = "Spring Boot {0}")
    @ValueSource(strings = {"4.0", "3.5"})
    void schemaSpringBootCreatedNeedsNoMigrationAndGensMigrationsValidate(String line) {
        List<Path> runtime = SpringBootApplications.runtimeClasspath(line, work);
        Path classes = SpringBootApplications.compile(APPLICATION, runtime, work);
        List<Path> entityClasspath = new ArrayList<>(List.of(classes));
        entityClasspath.addAll(runtime);
        try (TestDatabase app = TestDatabase.create("spring_app_" + line);
                TestDatabase fresh = TestDatabase.create("spring_fresh_" + line)) {
            start(line, classes, runtime, app, "create");
            Map<String, String> created = ColumnOrder.of(app);
            assertTrue(created.containsKey("public.customer_favourite_tags"), created.toString());

            GenerateResult adoption = Generator.generate(BootConfig.of(work, entityClasspath, app), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "Spring Boot " + line + ": gen plans on the application's own"
                    + " database:\n" + String.join(";\n", adoption.plan().upStatements()));

            GenConfig config = BootConfig.of(work, entityClasspath, fresh);
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(CatalogSnapshot.of(app), "Spring Boot " + line
                    + ": gen's Init vs the schema Spring Boot created");
            assertEquals(created, ColumnOrder.of(fresh), "column and key order");
            start(line, classes, runtime, fresh, "validate");
        }
    }

    /**
     * Where the application's Hibernate and gen's own 7.4 create different DDL, gen follows the application's: 7.4
     * gives a {@code Set} element collection whose element column is nullable a unique key over (owner, element),
     * which 6.6 and 7.2 do not; 7.x adds checks to a SINGLE_TABLE hierarchy's discriminator and its subclasses'
     * required columns, which 6.6 does not. gen maps with the application's own Hibernate (isolated), so the
     * database that application created needs no migration, and gen's migrations let it validate.
     */
    @ParameterizedTest(name = "Spring Boot {0}")
    @ValueSource(strings = {"4.0", "3.5"})
    void theApplicationsOwnHibernateVersionDecidesTheSchema(String line) {
        List<Path> runtime = SpringBootApplications.runtimeClasspath(line, work);
        Map<String, String> sources = new HashMap<>(APPLICATION);
        sources.put("shop/Customer.java", sources.get("shop/Customer.java")
                .replace("@ElementCollection @Column(nullable = false) Set<String> nickNames;",
                        "@ElementCollection Set<String> nickNames;"));
        sources.putAll(VERSION_SENSITIVE);
        Path classes = SpringBootApplications.compile(sources, runtime, work);
        List<Path> entityClasspath = new ArrayList<>(List.of(classes));
        entityClasspath.addAll(runtime);
        try (TestDatabase app = TestDatabase.create("spring_version_" + line);
                TestDatabase fresh = TestDatabase.create("spring_version_fresh_" + line)) {
            start(line, classes, runtime, app, "create");
            CatalogSnapshot created = CatalogSnapshot.of(app);
            assertFalse(created.lines().stream().anyMatch(l -> l.contains("customer_nick_names_customer_id_nick_names_key")),
                    "Hibernate " + line + " creates no unique key for the element collection (7.4 would):\n" + created);
            GenerateResult adoption = Generator.generate(BootConfig.of(work, entityClasspath, app), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "Spring Boot " + line + ": gen plans on the application's own"
                    + " database:\n" + String.join(";\n", adoption.plan().upStatements()));

            GenConfig config = BootConfig.of(work, entityClasspath, fresh);
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(created, "Spring Boot " + line
                    + ": gen's Init vs the schema the application's own Hibernate created");
            start(line, classes, runtime, fresh, "validate");
        }
    }

    /** A SINGLE_TABLE hierarchy with required subclass columns: 7.x checks them and the discriminator, 6.6 not. */
    static final Map<String, String> VERSION_SENSITIVE = Map.of(
            "shop/Payment.java", """
                    package shop;
                    import jakarta.persistence.*;
                    import java.math.BigDecimal;
                    @Entity
                    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                    public abstract class Payment {
                        @Id @GeneratedValue Long id;
                        @Column(nullable = false, precision = 12, scale = 2) BigDecimal amount;
                    }
                    """,
            "shop/CardPayment.java", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class CardPayment extends Payment {
                        @Column(nullable = false) String cardNumber;
                    }
                    """,
            "shop/BankTransfer.java", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class BankTransfer extends Payment {
                        @Column(nullable = false) String iban;
                    }
                    """);

    private static void start(String line, Path classes, List<Path> runtime, TestDatabase db, String ddlAuto) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.jpa.hibernate.ddl-auto=" + ddlAuto,
                "--spring.jpa.properties.hibernate.hbm2ddl.halt_on_error=true"));
        if (db.password() != null) {
            arguments.add("--spring.datasource.password=" + db.password());
        }
        SpringBootApplications.Result started = SpringBootApplications.start(classes, runtime, "shop.ShopApplication",
                arguments);
        assertEquals(0, started.exitCode(), () -> "Spring Boot " + line + " with ddl-auto=" + ddlAuto
                + " did not start:\n" + started.output());
    }

}
