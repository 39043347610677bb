package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven plugin on a sample project, through real {@code mvn} runs against real PostgreSQL: generate writes a
 * migration into src/main/java/db/migration, run applies it from the build output, and check fails the build after
 * an entity gains a field until a migration covers it. Hibernate's own jar is on the project's classpath and its
 * entities (Envers' revinfo) are not planned. Then the repository's own example, a library and an application,
 * through gen:run, gen:seed, gen:generate and gen:verify.
 */
class MavenPluginTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void install() {
        MavenBuild.installReactor();
    }

    @Test
    void generateRunAndCheckThroughMaven() throws Exception {
        Path project = temp.resolve("sample");
        writeSample(project, "");
        try (TestDatabase db = TestDatabase.create("mavenplugin")) {
            List<String> connection = List.of("-Dgen.url=" + db.jdbcUrl(), "-Dgen.user=" + db.user());

            MavenBuild.Result init = mvn(project, connection, "gen:generate", "-Dgen.name=Init");
            assertEquals(0, init.exitCode(), init.toString());
            List<Path> migrations = migrations(project);
            assertEquals(1, migrations.size(), init.toString());
            String source = Files.readString(migrations.get(0));
            assertTrue(source.startsWith("package db.migration;") && source.contains("\"public\".\"customer\""), source);
            assertTrue(!source.contains("revinfo"), "Hibernate's own entities were scanned:\n" + source);

            MavenBuild.Result run = mvn(project, connection, "gen:run");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of("classpath:db.migration"), strings(db, "SELECT location FROM public.gen_migrations"));
            MavenBuild.Result clean = mvn(project, connection, "gen:check");
            assertEquals(0, clean.exitCode(), clean.toString());

            writeSample(project, "private String email;");
            MavenBuild.Result changed = mvn(project, connection, "gen:check");
            assertNotEquals(0, changed.exitCode(), changed.toString());
            assertTrue(changed.output().contains("email") && changed.output().contains("gen:generate"),
                    changed.toString());

            assertEquals(0, mvn(project, connection, "gen:generate", "-Dgen.name=AddEmail").exitCode());
            assertEquals(0, mvn(project, connection, "gen:run").exitCode());
            MavenBuild.Result covered = mvn(project, connection, "gen:check");
            assertEquals(0, covered.exitCode(), covered.toString());
            assertEquals(2, migrations(project).size());
        }
    }

    /**
     * The README's Maven walk-through on a copy of the repository's two-module example, run in its aggregator:
     * gen:run applies core's migration (found through core's META-INF/gen/locations) and the application's;
     * gen:seed loads the example's seed file; after AppUser gains a field, gen:generate writes UserChanged into the
     * application's db/migration and gen:verify passes it in a shadow database; a migration that does not match the
     * entities fails gen:verify with exit 1.
     */
    @Test
    void theExampleThroughThePlugin() throws Exception {
        Path example = copyOfTheExample();
        try (TestDatabase db = TestDatabase.create("mavenexample")) {
            List<String> connection = List.of("-Dgen.url=" + db.jdbcUrl(), "-Dgen.user=" + db.user());

            MavenBuild.Result run = mvn(example, connection, "gen:run");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of(ExampleModel.CORE_INIT + " classpath:com.example.core.db",
                    ExampleModel.INIT + " classpath:db.migration", ExampleModel.NOTES + " classpath:db.migration"),
                    strings(db, "SELECT 'V' || version || '__' || name || ' ' || location FROM public.gen_migrations ORDER BY version"));

            MavenBuild.Result seed = mvn(example, connection, "gen:seed");
            assertEquals(0, seed.exitCode(), seed.toString());
            assertEquals(List.of("1"), strings(db, "SELECT count(*) FROM public.store"));
            assertEquals(List.of("AppUser", "User"), strings(db, "SELECT DISTINCT dtype FROM public.users ORDER BY 1"));

            Path appUser = example.resolve("app/src/main/java").resolve(ExampleModel.APP_USER);
            Files.writeString(appUser, Files.readString(appUser).replace("    private String additionalNotes;\n",
                    "    private String additionalNotes;\n\n    @Column(length = 50)\n    private String nickname;\n"));
            MavenBuild.Result generate = mvn(example, connection, "gen:generate", "-Dgen.name=UserChanged");
            assertEquals(0, generate.exitCode(), generate.toString());
            List<Path> written = appMigrations(example).stream()
                    .filter(f -> f.getFileName().toString().endsWith("__UserChanged.java")).toList();
            assertEquals(1, written.size(), generate.toString());
            assertTrue(Files.readString(written.get(0)).contains("ADD COLUMN \"nickname\" varchar(50)"));

            MavenBuild.Result verify = mvn(example, connection, "gen:verify");
            assertEquals(0, verify.exitCode(), verify.toString()); // mvn -q: the report itself is at INFO

            // a hand-written migration whose column no entity maps: the next generate would drop it again
            Files.writeString(example.resolve("app/src/main/java/db/migration/V29990101000000__Stray.java"), """
                    package db.migration;

                    public final class V29990101000000__Stray implements dev.gen.api.Migration {
                        public void up(dev.gen.api.MigrationContext ctx) throws java.sql.SQLException {
                            ctx.execute("ALTER TABLE users ADD COLUMN stray integer");
                        }
                        public void down(dev.gen.api.MigrationContext ctx) throws java.sql.SQLException {
                            ctx.execute("ALTER TABLE users DROP COLUMN stray");
                        }
                    }
                    """);
            MavenBuild.Result stray = mvn(example, connection, "gen:verify", "-Dgen.migrations=V29990101000000__Stray");
            assertNotEquals(0, stray.exitCode(), stray.toString());
            assertTrue(stray.output().contains("gen (exit 1): verification failed")
                    && stray.output().contains("stray"), stray.toString());
            assertEquals(List.of("3"), strings(db, "SELECT count(*) FROM public.gen_migrations"),
                    "verify never touches the target");
        }
    }

    /** entities-example as a clean clone has it: poms, sources, resources and the seed file, no build output. */
    private Path copyOfTheExample() throws IOException {
        Path from = Path.of("entities-example");
        Path to = temp.resolve("entities-example");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path relative = from.relativize(file);
                if (relative.toString().contains("target") || relative.toString().contains(".gen-cache")) {
                    continue;
                }
                Files.createDirectories(to.resolve(relative).getParent());
                Files.copy(file, to.resolve(relative));
            }
        }
        return to;
    }

    private static List<Path> appMigrations(Path example) throws IOException {
        try (Stream<Path> files = Files.list(example.resolve("app/src/main/java/db/migration"))) {
            return files.sorted().toList();
        }
    }

    private static MavenBuild.Result mvn(Path project, List<String> connection, String... goalAndOptions) {
        List<String> args = new ArrayList<>(List.of(goalAndOptions));
        args.addAll(connection);
        return MavenBuild.run(project, args);
    }

    private static List<Path> migrations(Path project) throws IOException {
        Path dir = project.resolve("src/main/java/db/migration");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> strings(TestDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    /** A project with one entity, gen-runtime for its migrations, Hibernate on its classpath and the plugin. */
    static void writeSample(Path project, String extraField) throws IOException {
        Files.createDirectories(project.resolve("src/main/java/com/example"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>sample</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.gen</groupId><artifactId>gen-runtime</artifactId><version>0.1.0</version>
                    </dependency>
                    <dependency>
                      <groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId>
                      <version>3.2.0</version>
                    </dependency>
                    <dependency>
                      <groupId>org.hibernate.orm</groupId><artifactId>hibernate-core</artifactId>
                      <version>7.4.6.Final</version><scope>runtime</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin>
                          <artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
                          <configuration><release>17</release></configuration>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>dev.gen</groupId><artifactId>gen-maven-plugin</artifactId><version>0.1.0</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Files.writeString(project.resolve("src/main/java/com/example/Customer.java"), """
                package com.example;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Customer {
                    @Id
                    private Long id;
                    private String name;
                    %s
                }
                """.formatted(extraField));
    }
}
