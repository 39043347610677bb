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
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.HibernateSchemaExport;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot application's classpath (its entities plus Spring Boot's real jars of each line) and nothing else:
 * gen applies Spring Boot's naming strategies by itself. The database is what Hibernate creates with the naming
 * Spring Boot configures (camelCase columns in snake case, join and collection tables named after the property).
 */
class SpringBootNamingTest {

    static final Map<String, String> MODEL = Map.of(
            "shop/Customer.java", """
                    package shop;
                    import jakarta.persistence.*;
                    import java.util.Set;
                    @Entity
                    public class Customer {
                        @Id @GeneratedValue Long id;
                        String firstName;
                        @ManyToOne Tag primaryTag;
                        @ManyToMany Set<Tag> favouriteTags;
                        @ElementCollection @Column(nullable = false) Set<String> nickNames;
                    }
                    """,
            "shop/Tag.java", """
                    package shop;
                    import jakarta.persistence.*;
                    @Entity
                    public class Tag {
                        @Id Long id;
                        String displayName;
                    }
                    """);

    @TempDir
    Path work;

    @ParameterizedTest(name = "Spring Boot {0}")
    @CsvSource({"3.5, org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "4.0, org.springframework.boot.hibernate.SpringImplicitNamingStrategy"})
    void zeroConfigurationMatchesWhatSpringBootsHibernateCreates(String line, String implicitStrategy) {
        Path classes = EntityCompiler.compile(work.resolve("classes"), MODEL);
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(ApplicationConfigReaderTest.springBoot(line));
        Map<String, String> springBootsHibernate = Map.of(
                "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                "hibernate.implicit_naming_strategy", implicitStrategy);
        try (TestDatabase app = TestDatabase.create("spring_naming_app");
                TestDatabase fresh = TestDatabase.create("spring_naming_fresh")) {
            HibernateSchemaExport.create(classpath, springBootsHibernate, app);
            Map<String, String> tables = ColumnOrder.of(app);
            assertTrue(tables.containsKey("public.customer_favourite_tags"), tables.toString());
            assertTrue(tables.containsKey("public.customer_nick_names"), tables.toString());
            assertTrue(tables.get("public.customer").contains("first_name"), tables.toString());

            GenerateResult adoption = Generator.generate(BootConfig.of(work, classpath, app), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "gen plans:\n" + adoption.plan().upStatements());

            GenConfig config = BootConfig.of(work, classpath, fresh);
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(CatalogSnapshot.of(app), "gen's Init vs Spring Boot's naming");
            assertEquals(tables, ColumnOrder.of(fresh));
        }
    }

}
