package dev.gen.hibernate;

import dev.gen.scan.EntitySet;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Builds Hibernate's boot metadata for the scanned classes: the same metadata the application's own
 * Hibernate builds, with the PostgreSQL dialect and without a connection or a session factory.
 */
final class HibernateBoot {

    private HibernateBoot() {
    }

    static Metadata build(EntitySet entities, TargetSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        // The desired schema must not depend on the database gen happens to talk to.
        properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        properties.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        properties.putAll(settings.hibernateProperties());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entities.loader());
        StandardServiceRegistry registry = null;
        try {
            // Extensions on the entity classpath (service contributors, integrators) run while the registries are
            // built, so their failures are handled here like the mapping's.
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                    .applyClassLoader(entities.loader())
                    .build();
            registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySettings(properties)
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            for (String className : entities.classNames()) {
                sources.addAnnotatedClassName(className);
            }
            // Jakarta Persistence's mapping files (persistence.xml <mapping-file>, META-INF/orm.xml), under the key
            // Hibernate's own persistence-unit bootstrap reads them from
            String mappingFiles = settings.hibernateProperties().get("hibernate.orm_xml_files");
            if (mappingFiles != null) {
                for (String file : mappingFiles.split("\\s*,\\s*")) {
                    if (!file.isBlank()) {
                        sources.addResource(file);
                    }
                }
            }
            Metadata metadata = sources.buildMetadata();
            CreatePath.apply(metadata);
            return metadata;
        } catch (LinkageError | RuntimeException e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            throw BootFailures.explain(e, entities);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            e = cause;
            cause = cause.getCause();
        }
        return message.toString();
    }
}
