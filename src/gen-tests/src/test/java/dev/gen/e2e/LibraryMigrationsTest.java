package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform story: a "core" library ships the User entity and its migrations in its jar; the application extends
 * User and generates its own migrations on top. Core v1's migrations and the application's run together; core v2
 * brings a migration older than the application's newest, which the next run applies; generating again finds
 * nothing, and the history names each migration's location.
 */
class LibraryMigrationsTest {

    private static final long JAN = 1767225600000L; // 2026-01-01T00:00:00Z
    private static final long FEB = 1769904000000L; // 2026-02-01
    private static final long MAR = 1772323200000L; // 2026-03-01

    @TempDir
    Path temp;

    @Test
    void coreUpgradeMigrationsRunWithTheApplicationsAndGeneratingFindsNothing() throws Exception {
        Map<String, String> coreV1 = Map.of("com/example/core/User.java", user(""));
        Map<String, String> coreV2 = Map.of("com/example/core/User.java", user("private String phone;"));
        Path coreMigrations = Files.createDirectories(temp.resolve("core-migrations"));
        Path appMigrations = Files.createDirectories(temp.resolve("app-migrations"));

        try (TestDatabase coreDev = TestDatabase.create("libcore"); TestDatabase app = TestDatabase.create("libapp")) {
            // the library's developer generates core v1's migration and ships it, compiled, in the jar
            Path coreV1Entities = EntityCompiler.compile(temp.resolve("core-v1-entities"), coreV1);
            ok(new Cli(coreDev, "--classpath", coreV1Entities.toString(), "--dir", coreMigrations.toString(),
                    "--config", config("com.example.core.db")).run("migration:generate", "CoreInit", "-t", "" + JAN));
            Path coreV1Jar = jar("core-v1-jar", coreV1, coreMigrations);

            // the application runs core's migrations, then generates its own for AppUser on top
            Path appV1Classes = EntityCompiler.compile(temp.resolve("app-v1-classes"), with(coreV1,
                    "com/example/app/AppUser.java", APP_USER));
            ok(application(app, appV1Classes, coreV1Jar, appMigrations).run("migration:run"));
            // extending User adds Hibernate's discriminator column: existing rows are plain Users
            ok(application(app, appV1Classes, coreV1Jar, appMigrations).run("migration:generate", "AddUserNotes",
                    "-t", "" + MAR, "--backfill", "users.dtype='User'"));
            ok(application(app, appV1Classes, coreV1Jar, appMigrations).run("migration:run"));
            assertEquals(List.of("20260101000000 classpath:com.example.core.db", "20260301000000 " + appMigrations),
                    history(app));

            // core v2: one more migration, dated before the application's newest
            ok(new Cli(coreDev, "--classpath", coreV1Entities.toString(), "--dir", coreMigrations.toString(),
                    "--config", config("com.example.core.db")).run("migration:run"));
            Path coreV2Entities = EntityCompiler.compile(temp.resolve("core-v2-entities"), coreV2);
            ok(new Cli(coreDev, "--classpath", coreV2Entities.toString(), "--dir", coreMigrations.toString(),
                    "--config", config("com.example.core.db")).run("migration:generate", "CoreAddPhone", "-t",
                    "" + FEB));
            Path coreV2Jar = jar("core-v2-jar", coreV2, coreMigrations);
            Path appV2Classes = EntityCompiler.compile(temp.resolve("app-v2-classes"), with(coreV2,
                    "com/example/app/AppUser.java", APP_USER));

            Cli.Result upgrade = application(app, appV2Classes, coreV2Jar, appMigrations).run("migration:run");
            ok(upgrade);
            assertTrue(upgrade.out().contains("V20260201000000__CoreAddPhone"), upgrade.toString());
            Cli.Result check = application(app, appV2Classes, coreV2Jar, appMigrations).run("migration:generate",
                    "--check");
            assertEquals(0, check.exitCode(), check.toString());
            assertTrue(check.out().contains("No changes"), check.toString());

            assertEquals(List.of("20260101000000 classpath:com.example.core.db",
                    "20260201000000 classpath:com.example.core.db", "20260301000000 " + appMigrations), history(app));
            Cli.Result show = application(app, appV2Classes, coreV2Jar, appMigrations).run("migration:show");
            assertTrue(show.out().contains("V20260201000000__CoreAddPhone") && show.out().contains(
                    "(classpath:com.example.core.db)"), show.toString());
        }
    }

    /** The application: its build output as entity classpath, its own directory first, then core's package. */
    private Cli application(TestDatabase db, Path classes, Path coreJar, Path appMigrations) throws IOException {
        return new Cli(db, "--classpath", classes.toString(), "--dir", appMigrations.toString(), "--config",
                config("com.example.app.db"), "--locations", appMigrations.toString(), "--locations",
                "classpath:com.example.core.db", "--migrations-classpath", coreJar.toString());
    }

    /** The library's jar: its entities and its compiled migrations. */
    private Path jar(String name, Map<String, String> entities, Path migrations) throws IOException {
        Map<String, String> sources = new HashMap<>(entities);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                sources.put("com/example/core/db/" + file.getFileName(), Files.readString(file));
            }
        }
        return EntityCompiler.compile(temp.resolve(name), sources);
    }

    private String config(String migrationsPackage) throws IOException {
        Path file = temp.resolve(migrationsPackage + ".properties");
        Files.writeString(file, "migrations-package=" + migrationsPackage + "\n");
        return file.toString();
    }

    private static Map<String, String> with(Map<String, String> sources, String path, String text) {
        Map<String, String> all = new HashMap<>(sources);
        all.put(path, text);
        return all;
    }

    private static void ok(Cli.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
    }

    private static List<String> history(TestDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT version || ' ' || coalesce(location, '-') FROM public.gen_migrations ORDER BY version")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static String user(String extraField) {
        return """
                package com.example.core;

                import jakarta.persistence.Entity;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.GenerationType;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;

                @Entity
                @Table(name = "users")
                public class User {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String email;
                    %s
                }
                """.formatted(extraField);
    }

    private static final String APP_USER = """
            package com.example.app;

            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;

            @Entity
            public class AppUser extends com.example.core.User {
                @Column(name = "additional_notes", length = 2000)
                private String additionalNotes;
            }
            """;
}
