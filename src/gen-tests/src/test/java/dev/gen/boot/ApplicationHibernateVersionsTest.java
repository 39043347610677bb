package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.scan.EntityScanner;
import dev.gen.scan.EntitySet;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.ColumnOrder;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every Hibernate ORM line gen supports besides its own (the newest release of 6.6 and of each 7.x minor that
 * Maven Central serves), resolved with its dependencies by Maven: that version itself, in a JVM of its own, creates
 * the schema of the example entities plus the constructs whose DDL differs between versions (a SINGLE_TABLE
 * hierarchy, a nullable {@code Set} element collection), through its create path ({@code hbm2ddl.auto=create}); gen,
 * given that classpath, maps the entities with that version in isolation, finds nothing to do, and its migrations
 * make the same catalog, column order included.
 */
class ApplicationHibernateVersionsTest {

    private static final String DRIVER = "org.postgresql:postgresql:42.7.14";

    /** The version's own create path, as an application that lets Hibernate create its schema runs it. */
    private static final String CREATE_SCHEMA = """
            package create;
            public class CreateSchema {
                public static void main(String[] args) throws Exception {
                    org.hibernate.cfg.Configuration configuration = new org.hibernate.cfg.Configuration();
                    for (int i = 3; i < args.length; i++) {
                        configuration.addAnnotatedClass(Class.forName(args[i]));
                    }
                    configuration.setProperty("hibernate.connection.url", args[0]);
                    configuration.setProperty("hibernate.connection.username", args[1]);
                    if (!args[2].isEmpty()) {
                        configuration.setProperty("hibernate.connection.password", args[2]);
                    }
                    configuration.setProperty("hibernate.hbm2ddl.auto", "create");
                    configuration.setProperty("hibernate.hbm2ddl.halt_on_error", "true");
                    System.out.println("created by Hibernate " + org.hibernate.Version.getVersionString());
                    configuration.buildSessionFactory().close();
                }
            }
            """;

    private static final String NICKNAMES = """
            package shop;
            import jakarta.persistence.*;
            import java.util.Set;
            @Entity
            public class Nicknamed {
                @Id @GeneratedValue Long id;
                @ElementCollection Set<String> nickNames;
            }
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "hibernate-core {0}")
    @ValueSource(strings = {"6.6.56.Final", "7.0.10.Final", "7.1.35.Final", "7.2.25.Final", "7.3.13.Final"})
    void genMapsWithTheApplicationsHibernateVersion(String version) {
        List<Path> runtime = SpringBootApplications.resolve(List.of("org.hibernate.orm:hibernate-core:" + version,
                DRIVER), work, "hibernate-" + version);
        Map<String, String> sources = new HashMap<>(ExampleModel.entitySources());
        sources.putAll(SpringBootApplicationTest.VERSION_SENSITIVE);
        sources.put("shop/Nicknamed.java", NICKNAMES);
        List<String> mapped = sources.entrySet().stream()
                .filter(source -> source.getValue().matches("(?s).*@(Entity|Embeddable|MappedSuperclass)\\b.*"))
                .map(source -> source.getKey().replace(".java", "").replace('/', '.')).sorted().toList();
        sources.put("create/CreateSchema.java", CREATE_SCHEMA);
        Path classes = SpringBootApplications.compile(sources, runtime, work);
        List<Path> entityClasspath = new ArrayList<>(List.of(classes));
        entityClasspath.addAll(runtime);

        EntitySet scanned = EntityScanner.scanForApplicationsHibernate(entityClasspath, List.of(), Set.of());
        assertEquals(Optional.of(version), EntityScanner.isolatedHibernate(scanned.loader()));

        try (TestDatabase app = TestDatabase.create("hibernate_" + version.replace('.', '_'));
                TestDatabase fresh = TestDatabase.create("hibernate_fresh_" + version.replace('.', '_'))) {
            List<String> arguments = new ArrayList<>(List.of(app.jdbcUrl(), app.user(),
                    app.password() == null ? "" : app.password()));
            arguments.addAll(mapped);
            SpringBootApplications.Result created = SpringBootApplications.start(classes, runtime,
                    "create.CreateSchema", arguments);
            assertEquals(0, created.exitCode(), created::output);
            assertTrue(created.output().contains("created by Hibernate " + version), created.output());

            GenerateResult adoption = Generator.generate(BootConfig.of(work, entityClasspath, app), GenerateRequest.check());
            assertFalse(adoption.hasChanges(), () -> "Hibernate " + version + ": gen plans on the schema it created:\n"
                    + String.join(";\n", adoption.plan().upStatements()));

            GenConfig config = BootConfig.of(work, entityClasspath, fresh);
            Generator.generate(config, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(config, RunOptions.defaults());
            CatalogSnapshot.of(fresh).assertEquals(CatalogSnapshot.of(app), "Hibernate " + version
                    + ": gen's Init vs the schema that version created");
            assertEquals(ColumnOrder.of(app), ColumnOrder.of(fresh), "column and key order");
        }
    }

    /** Before 6.6 gen refuses, with the model's exit code, rather than map with a Hibernate the app does not run. */
    @Test
    void refusesHibernateBefore66() {
        List<Path> runtime = SpringBootApplications.resolve(List.of("org.hibernate.orm:hibernate-core:6.4.10.Final"),
                work, "hibernate-6.4");
        Path classes = SpringBootApplications.compile(Map.of("shop/Nicknamed.java", NICKNAMES), runtime, work);
        List<Path> entityClasspath = new ArrayList<>(List.of(classes));
        entityClasspath.addAll(runtime);
        try (TestDatabase db = TestDatabase.create("hibernate_old")) {
            GenException refused = assertThrows(GenException.class,
                    () -> Generator.generate(BootConfig.of(work, entityClasspath, db), GenerateRequest.check()));
            assertEquals(ExitCodes.MODEL, refused.exitCode());
            assertTrue(refused.getMessage().startsWith("The entity classpath carries hibernate-core 6.4.10.Final,"
                    + " but gen builds the desired schema with the application's own Hibernate only from 6.6 on"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("Upgrade the application to Hibernate ORM 6.6 or later"),
                    refused.getMessage());
        }
    }

}
