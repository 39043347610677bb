package dev.gen.e2e;

import dev.gen.testing.GenProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Spring Boot application that depends on gen-spring-boot-starter (and through it gen-runtime only) boots on an
 * empty database with {@code ddl-auto=validate}: the starter applied the migration {@code mvn gen:generate} wrote
 * before Hibernate validated the schema. One forked JVM per Spring Boot line, each with the classpath Maven resolves for that line.
 */
class SpringBootStarterTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void install() {
        MavenBuild.installReactor();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5.7", "4.0.7"})
    void bootsOnAnEmptyDatabaseWithTheGeneratedMigrationApplied(String springBoot) throws Exception {
        Path project = temp.resolve("app");
        writeProject(project, springBoot);
        generateMigration(project);
        try (Stream<Path> files = Files.list(project.resolve("src/main/java/db/migration"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith("__Init.java")).count());
        }

        List<String> classpath = resolveClasspath(project);
        assertFalse(classpath.stream().anyMatch(jar -> jar.contains("classgraph") || jar.contains("javapoet")
                || jar.contains("picocli") || jar.contains("gen-core") || jar.contains("hibernate-core-7.4.6")),
                "gen brought more than gen-runtime: " + classpath);
        assertTrue(classpath.stream().anyMatch(jar -> jar.contains("gen-runtime-0.1.0.jar")), classpath.toString());
        Path classes = compile(project, classpath);

        try (TestDatabase db = TestDatabase.create("boot" + springBoot.charAt(0))) {
            Booted booted = boot(classes, classpath, db);

            assertEquals(0, booted.exitCode(), booted.output());
            assertTrue(booted.output().contains("BOOTED customers=0"), booted.output());
            assertTrue(booted.output().contains("gen: Applied V") && booted.output().contains("1 migration applied"),
                    booted.output());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT location FROM public.gen_migrations")) {
                assertTrue(r.next());
                assertEquals("classpath:db.migration", r.getString(1));
            }
        }
    }

    /** {@code mvn gen:generate} writes the migration into src/main/java/db/migration, against a scratch database. */
    private static void generateMigration(Path project) {
        try (TestDatabase scratch = TestDatabase.create("bootgen")) {
            MavenBuild.Result generated = MavenBuild.run(project, List.of("gen:generate", "-Dgen.name=Init",
                    "-Dgen.url=" + scratch.jdbcUrl(), "-Dgen.user=" + scratch.user()));
            assertEquals(0, generated.exitCode(), generated.toString());
        }
    }

    private static List<String> resolveClasspath(Path project) throws IOException {
        Path file = project.resolve("classpath.txt");
        MavenBuild.Result resolved = MavenBuild.run(project, List.of("dependency:build-classpath",
                "-Dmdep.outputFile=" + file, "-Dmdep.includeScope=runtime"));
        assertEquals(0, resolved.exitCode(), resolved.toString());
        return List.of(Files.readString(file).trim().split(File.pathSeparator));
    }

    private static Path compile(Path project, List<String> classpath) throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                String.join(File.pathSeparator, classpath), "-proc:none", "--release", "17"));
        try (Stream<Path> sources = Files.walk(project.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, code, "the sample application does not compile");
        return classes;
    }

    record Booted(int exitCode, String output) {
    }

    private Booted boot(Path classes, List<String> classpath, TestDatabase db) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classes + File.pathSeparator + String.join(File.pathSeparator, classpath),
                "com.example.app.App", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.jpa.hibernate.ddl-auto=validate",
                "--spring.main.web-application-type=none", "--spring.jpa.open-in-view=false"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        GenProcess.keepTemporaryFilesInTheBuild(builder);
        if (db.password() != null) {
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password()); // never on the command line
        }
        Path log = temp.resolve("boot.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Booted(process.isAlive() ? -1 : process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static final String CUSTOMER = """
            package com.example.app;

            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.GenerationType;
            import jakarta.persistence.Id;

            @Entity
            public class Customer {
                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                private Long id;
                private String name;
            }
            """;

    private static void writeProject(Path project, String springBoot) throws IOException {
        Files.createDirectories(project.resolve("src/main/java/com/example/app"));
        Files.writeString(project.resolve("src/main/java/com/example/app/Customer.java"), CUSTOMER);
        Files.writeString(project.resolve("src/main/java/com/example/app/App.java"), """
                package com.example.app;

                import jakarta.persistence.EntityManager;
                import jakarta.persistence.EntityManagerFactory;
                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;
                import org.springframework.context.ConfigurableApplicationContext;

                @SpringBootApplication
                public class App {
                    public static void main(String[] args) {
                        try (ConfigurableApplicationContext context = SpringApplication.run(App.class, args)) {
                            EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
                            long count = em.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
                            System.out.println("BOOTED customers=" + count);
                            em.close();
                        }
                    }
                }
                """);
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.example</groupId>
                  <artifactId>boot-app</artifactId>
                  <version>1.0</version>
                  <properties>
                    <java.version>17</java.version>
                    <postgresql.version>42.7.14</postgresql.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>dev.gen</groupId><artifactId>gen-spring-boot-starter</artifactId><version>0.1.0</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>dev.gen</groupId><artifactId>gen-maven-plugin</artifactId><version>0.1.0</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(springBoot));
    }
}
