package dev.gen.seed;

import dev.gen.core.GenConfig;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** The example model, its committed migrations and seed file, and the application's own Hibernate to judge. */
final class SeedFixture {

    static final Path EXAMPLE_SEED = Path.of("entities-example/app/data/seed.json");
    static final List<String> TABLES = List.of("store", "users", "category", "product", "product_categories",
            "orders", "order_items");

    private SeedFixture() {
    }

    /** The example's whole history (core's migration and the application's) in one directory. */
    static Path migrations(Path work) {
        return ExampleModel.history(work.resolve("migrations"));
    }

    static GenConfig config(TestDatabase db, Path classes, Path migrations) {
        return new GenConfig(db.jdbcUrl(), db.user(), db.password(), List.of("public"), List.of(classes), List.of(),
                migrations, null, "gen_migrations", List.of(), Map.of(), false, "5s");
    }

    static Path classes(Path work) {
        return ExampleModel.compile(work.resolve("classes"));
    }

    /** Rows per table of the example, read with plain JDBC. */
    static Map<String, Long> counts(TestDatabase db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                // A bad file is rejected before the migrations run: no table is no row.
                try (ResultSet r = s.executeQuery("SELECT to_regclass('public." + table + "') IS NULL")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        counts.put(table, 0L);
                        continue;
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static long total(TestDatabase db) {
        return counts(db).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The application's Hibernate, booted the ordinary way (a connection, schema validation) on the database. */
    static SessionFactory application(TestDatabase db, Path classes, ClassLoader[] loaderOut) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                SeedFixture.class.getClassLoader());
        loaderOut[0] = loader;
        Configuration configuration = new Configuration();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
                        || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)) {
                    configuration.addAnnotatedClass(type);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        configuration.setProperty("hibernate.connection.url", db.jdbcUrl());
        configuration.setProperty("hibernate.connection.username", db.user());
        if (db.password() != null) {
            configuration.setProperty("hibernate.connection.password", db.password());
        }
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        Thread.currentThread().setContextClassLoader(loader);
        return configuration.buildSessionFactory();
    }
}
