package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data migration that uses the application's own classes: migration:run compiles and runs it when the entity
 * classpath is given, and without it fails (exit 6) with one paragraph that names --classpath and
 * --migrations-classpath, and the plugin's behaviour, instead of javac's bare "package does not exist". The source
 * wins over an older compiled copy of the same migration on that classpath.
 */
class ApplicationClassesInMigrationsTest {

    @TempDir
    Path work;

    @Test
    void compilesWithTheApplicationsClassesAndSaysHowWhenTheyAreMissing() throws Exception {
        // the application's build output: its classes, and an older compilation of the migration itself, which
        // must not shadow the source the runner compiles
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("com/example/shop/Defaults.java", """
                package com.example.shop;

                public final class Defaults {
                    public static String country() { return "US"; }
                }
                """, "V20260101000000__DefaultCountry.java", """
                public final class V20260101000000__DefaultCountry implements dev.gen.api.Migration {
                    public void up(dev.gen.api.MigrationContext ctx) throws java.sql.SQLException {
                        ctx.execute("CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL)");
                        ctx.execute("INSERT INTO settings VALUES ('country', 'stale')");
                    }
                    public void down(dev.gen.api.MigrationContext ctx) throws java.sql.SQLException {
                    }
                }
                """));
        Path dir = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(dir.resolve("V20260101000000__DefaultCountry.java"), """
                import dev.gen.api.Migration;
                import dev.gen.api.MigrationContext;
                import java.sql.PreparedStatement;
                import java.sql.SQLException;

                public final class V20260101000000__DefaultCountry implements Migration {
                    @Override
                    public void up(MigrationContext ctx) throws SQLException {
                        ctx.execute("CREATE TABLE settings (name text PRIMARY KEY, value text NOT NULL)");
                        try (PreparedStatement insert = ctx.connection().prepareStatement(
                                "INSERT INTO settings VALUES ('country', ?)")) {
                            insert.setString(1, com.example.shop.Defaults.country());
                            insert.executeUpdate();
                        }
                    }

                    @Override
                    public void down(MigrationContext ctx) throws SQLException {
                        ctx.execute("DROP TABLE settings");
                    }
                }
                """);
        // nothing from the repository's gen.properties: no entity classpath at all
        Path config = Files.writeString(work.resolve("gen.properties"), "schema=public\n");
        try (TestDatabase db = TestDatabase.create("app_classes_in_migrations")) {
            Cli.Result missing = new Cli(db, "--dir", dir.toString(), "--config", config.toString())
                    .run("migration:run");
            assertEquals(6, missing.exitCode(), missing.toString());
            String message = missing.err();
            assertTrue(message.contains("V20260101000000__DefaultCountry.java does not compile")
                    && message.contains("com.example.shop") && message.contains("--classpath")
                    && message.contains("--migrations-classpath") && message.contains("Maven plugin"), message);
            assertEquals(1, message.strip().lines().count(), "one paragraph: " + message);

            Cli.Result run = new Cli(db, "--dir", dir.toString(), "--config", config.toString(), "--classpath",
                    classes.toString()).run("migration:run");
            assertEquals(0, run.exitCode(), run.toString());
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT value FROM settings WHERE name = 'country'")) {
                assertTrue(r.next());
                assertEquals("US", r.getString(1));
            }
        }
    }
}
