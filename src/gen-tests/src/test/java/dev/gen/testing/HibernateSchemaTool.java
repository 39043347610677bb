package dev.gen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Runs Hibernate's own schema management tool (the one {@code hibernate.hbm2ddl.auto} and
 * {@code jakarta.persistence.schema-generation.*} drive) on a compiled entity classpath against a real database. It
 * shares no code with gen: the entity classes are found by walking the class directory.
 *
 * <p>{@link #process} boots Hibernate as applications do, through Jakarta Persistence
 * ({@code HibernatePersistenceConfiguration}, the programmatic form of a persistence unit): the entity manager
 * factory's session factory runs the tool, after Hibernate's create-path steps such as its column ordering.
 * {@link #processWithMetadataSources} is the older path (native {@code MetadataSources} and
 * {@code SchemaManagementToolCoordinator} without a session factory), which keeps the mapping's column order: a
 * database made by a tool that exports the metadata directly.
 */
final class HibernateSchemaTool {

    private static final List<String> MAPPING_ANNOTATIONS = List.of("jakarta.persistence.Entity",
            "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Embeddable", "jakarta.persistence.Converter");

    private HibernateSchemaTool() {
    }

    /**
     * Creates an entity manager factory over {@code classes} with {@code settings} and the tool settings (which
     * runs the tool as part of its start), and closes it again.
     */
    static void process(List<Path> classes, Map<String, String> settings, TestDatabase database,
            Map<String, Object> toolSettings) {
        URLClassLoader loader = loader(classes);
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        properties.putAll(settings);
        properties.put("hibernate.connection.pool_size", "1");
        properties.put("hibernate.classLoaders", List.of(loader));
        properties.putAll(toolSettings);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            List<Class<?>> managed = new ArrayList<>();
            for (String name : mappedClasses(classes, loader)) {
                managed.add(Class.forName(name, false, loader));
            }
            HibernatePersistenceConfiguration unit = new HibernatePersistenceConfiguration("oracle")
                    .managedClasses(managed)
                    .jdbcUrl(database.jdbcUrl())
                    .jdbcUsername(database.user())
                    .properties(properties);
            if (database.password() != null) {
                unit.jdbcPassword(database.password());
            }
            try (EntityManagerFactory factory = unit.createEntityManagerFactory()) {
                factory.getMetamodel(); // started: the tool ran
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
            try {
                loader.close();
            } catch (IOException e) {
                // nothing held open that matters
            }
        }
    }

    /** Boots Hibernate's native metadata over {@code classes} and runs the tool on it, without a session factory. */
    static void processWithMetadataSources(List<Path> classes, Map<String, String> settings, TestDatabase database,
            Map<String, Object> toolSettings) {
        URLClassLoader loader = loader(classes);
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        properties.putAll(settings);
        properties.put("jakarta.persistence.jdbc.url", database.jdbcUrl());
        properties.put("jakarta.persistence.jdbc.user", database.user());
        if (database.password() != null) {
            properties.put("jakarta.persistence.jdbc.password", database.password());
        }
        properties.put("hibernate.connection.pool_size", "1");
        properties.putAll(toolSettings);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(properties).build();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : mappedClasses(classes, loader)) {
                sources.addAnnotatedClassName(name);
            }
            Metadata metadata = sources.buildMetadata();
            SchemaManagementToolCoordinator.process(metadata, registry, properties, action -> { });
        } finally {
            thread.setContextClassLoader(previous);
            StandardServiceRegistryBuilder.destroy(registry);
            try {
                loader.close();
            } catch (IOException e) {
                // nothing held open that matters
            }
        }
    }

    private static URLClassLoader loader(List<Path> classes) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classes) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entry.toString(), e);
            }
        }
        return new URLClassLoader("oracle-entities", urls.toArray(URL[]::new), HibernateSchemaTool.class.getClassLoader());
    }

    private static List<String> mappedClasses(List<Path> classes, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        for (Path root : classes) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String relative = root.relativize(file).toString();
                    String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.');
                    if (name.endsWith("package-info") || name.endsWith("module-info")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, loader);
                    for (Annotation annotation : type.getDeclaredAnnotations()) {
                        if (MAPPING_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                            names.add(name);
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
