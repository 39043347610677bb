package dev.gen.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ConfigResolver;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.appconfig.ApplicationConfigReader;
import dev.gen.appconfig.ApplicationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own configuration files as Spring Boot and Quarkus merge them, with real Spring Boot jars on the
 * classpath for the detection and the naming-strategy classes of each line.
 */
class ApplicationConfigReaderTest {

    static final Path SPRING_BOOT_JARS = Path.of(System.getProperty("gen.test.springBootJars", "target/spring-boot-jars"));

    @TempDir
    Path classes;

    @TempDir
    Path work;

    static List<Path> springBoot(String line) {
        try (var jars = Files.list(SPRING_BOOT_JARS.resolve(line))) {
            List<Path> found = jars.sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No Spring Boot " + line + " jars in " + SPRING_BOOT_JARS
                        + "; the build copies them (mvn generate-test-resources).");
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("No Spring Boot " + line + " jars in " + SPRING_BOOT_JARS
                    + "; the build copies them (mvn generate-test-resources).", e);
        }
    }

    private List<Path> classpath(String line) {
        List<Path> entries = new java.util.ArrayList<>(List.of(classes));
        entries.addAll(springBoot(line));
        return entries;
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(classes.resolve(name).getParent() == null ? classes : classes.resolve(name).getParent());
        Files.writeString(classes.resolve(name), text);
    }

    @Test
    void springBoot4DefaultsWithoutAnyFile() {
        ApplicationSettings settings = ApplicationConfigReader.read(classpath("4.0"), null, null, Map.of());
        assertEquals("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                settings.hibernateProperties().get("hibernate.physical_naming_strategy"));
        assertEquals("org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
                settings.hibernateProperties().get("hibernate.implicit_naming_strategy"));
        assertNull(settings.url());
    }

    @Test
    void springBoot35KeepsItsImplicitStrategyInSpringBootItself() {
        ApplicationSettings settings = ApplicationConfigReader.read(classpath("3.5"), null, null, Map.of());
        assertEquals("org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
                settings.hibernateProperties().get("hibernate.implicit_naming_strategy"));
    }

    @Test
    void withoutSpringBootNothingIsAssumed() {
        ApplicationSettings settings = ApplicationConfigReader.read(List.of(classes), null, null, Map.of());
        assertEquals(Map.of(), settings.hibernateProperties());
    }

    @Test
    void yamlPropertiesAndProfilesMergeAsSpringBootMergesThem() throws IOException {
        write("application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://db.internal:5432/shop
                    username: shop
                    password: never-read
                  jpa:
                    hibernate:
                      ddl-auto: validate
                      naming:
                        physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                    properties:
                      hibernate:
                        default_schema: sales
                ---
                spring:
                  config:
                    activate:
                      on-profile: other
                  jpa:
                    properties:
                      hibernate.default_schema: other
                """);
        write("application.properties", "spring.jpa.properties.hibernate.globally_quoted_identifiers=false\n");
        write("application-dev.properties", """
                spring.datasource.url=${DEV_DB:jdbc:postgresql://localhost:5432/shop_dev}
                spring.jpa.hibernate.ddlAuto=update
                """);
        ApplicationSettings base = ApplicationConfigReader.read(classpath("4.0"), null, null, Map.of());
        assertEquals("sales", base.hibernateProperties().get("hibernate.default_schema"), "the other profile's document is skipped");
        assertEquals("org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                base.hibernateProperties().get("hibernate.physical_naming_strategy"));
        assertEquals("false", base.hibernateProperties().get("hibernate.globally_quoted_identifiers"));
        assertEquals("jdbc:postgresql://db.internal:5432/shop", base.url());
        assertEquals("shop", base.user());
        assertEquals(List.of(), base.warnings());
        assertTrue(base.origins().toString().contains("application.yml (spring.jpa.properties.hibernate.default_schema)"),
                base.origins().toString());

        ApplicationSettings dev = ApplicationConfigReader.read(classpath("4.0"), "dev", null, Map.of());
        assertEquals("jdbc:postgresql://localhost:5432/shop_dev", dev.url(), "the placeholder's default");
        assertTrue(dev.warnings().get(0).startsWith("spring.jpa.hibernate.ddl-auto=update in application-dev.properties"),
                dev.warnings().toString());

        ApplicationSettings fromEnv = ApplicationConfigReader.read(classpath("4.0"), "dev", null,
                Map.of("DEV_DB", "jdbc:postgresql://ci:5432/shop", "SPRING_DATASOURCE_USERNAME", "ci"));
        assertEquals("jdbc:postgresql://ci:5432/shop", fromEnv.url());
        assertEquals("ci", fromEnv.user(), "Spring Boot ranks its environment variables over its files");
        assertTrue(fromEnv.origins().stream().noneMatch(origin -> origin.value().contains("never-read")));
    }

    @Test
    void genSettingsWinAndTheApplicationsConnectionIsTheDefault() throws IOException {
        write("application.properties", """
                spring.datasource.url=jdbc:postgresql://db.internal:5432/shop
                spring.datasource.username=shop
                spring.jpa.properties.hibernate.default_schema=sales
                """);
        Files.writeString(work.resolve("gen.properties"), "hibernate.default_schema=public\n");
        String classpath = String.join(":", classpath("4.0").stream().map(Path::toString).toList());
        GenConfig defaults = ConfigResolver.resolve(Map.of("classpath", classpath), Map.of(), null, work);
        assertEquals("jdbc:postgresql://db.internal:5432/shop", defaults.url());
        assertEquals("shop", defaults.user());
        assertEquals("public", defaults.properties().get("hibernate.default_schema"), "gen.properties wins");
        assertEquals("org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
                defaults.properties().get("hibernate.implicit_naming_strategy"));
        String described = String.join("\n", defaults.describeSettings());
        assertTrue(described.contains("url=jdbc:postgresql://db.internal:5432/shop  (from application.properties"
                + " (spring.datasource.url))"), described);
        assertTrue(described.contains("hibernate.default_schema=public  (from gen.properties)"), described);

        GenConfig explicit = ConfigResolver.resolve(Map.of("classpath", classpath, "user", "me"),
                Map.of("GEN_URL", "jdbc:postgresql://localhost:5432/mine"), null, work);
        assertEquals("jdbc:postgresql://localhost:5432/mine", explicit.url());
        assertEquals("me", explicit.user());
        assertTrue(String.join("\n", explicit.describeSettings()).contains("(from GEN_URL)"));
    }

    @Test
    void anApplicationUrlOfAnotherDatabaseIsAClearUsageError() throws IOException {
        write("application.properties", "spring.datasource.url=jdbc:h2:mem:shop\n");
        String classpath = String.join(":", classpath("4.0").stream().map(Path::toString).toList());
        GenException error = assertThrows(GenException.class,
                () -> ConfigResolver.resolve(Map.of("classpath", classpath), Map.of(), null, work));
        assertEquals(2, error.exitCode());
        assertTrue(error.getMessage().contains("from the application's configuration, application.properties"),
                error.getMessage());
    }

    @Test
    void quarkusPropertiesWithTheProdProfile() throws IOException {
        write("application.properties", """
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/quarkus
                quarkus.datasource.username=quarkus
                quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
                quarkus.hibernate-orm.database.default-schema=dev_schema
                %prod.quarkus.hibernate-orm.database.default-schema=app
                quarkus.hibernate-orm.packages=com.example.app
                quarkus.hibernate-orm.database.generation=drop-and-create
                quarkus.http.port=${PORT}
                """);
        ApplicationSettings settings = ApplicationConfigReader.read(List.of(classes), null, null, Map.of());
        assertEquals("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                settings.hibernateProperties().get("hibernate.physical_naming_strategy"));
        assertEquals("app", settings.hibernateProperties().get("hibernate.default_schema"));
        assertEquals(List.of("com.example.app"), settings.packages());
        assertEquals("jdbc:postgresql://localhost:5432/quarkus", settings.url());
        // the generation warning only: a placeholder in a key gen does not read is none of its business
        assertEquals(1, settings.warnings().size(), settings.warnings().toString());
        assertEquals("dev_schema", ApplicationConfigReader.read(List.of(classes), "dev", null, Map.of())
                .hibernateProperties().get("hibernate.default_schema"));
    }
}
