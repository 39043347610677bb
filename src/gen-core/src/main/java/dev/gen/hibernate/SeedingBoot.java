package dev.gen.hibernate;

import dev.gen.scan.EntitySet;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * A session factory over the application's entity classes for gen's {@code seed}: the same boot as the desired
 * schema's ({@link HibernateBoot}: scan, settings, naming strategies, PostgreSQL dialect), so the rows it writes
 * are the ones the application's Hibernate would write. It has no connection of its own: sessions are opened on a
 * connection the caller supplies, and it never touches the schema, whatever the settings say.
 */
public final class SeedingBoot {

    private SeedingBoot() {
    }

    /** The boot model (for keys and constraint names) and the session factory built from it. */
    public record Booted(Metadata metadata, SessionFactoryImplementor factory, ClassLoader loader)
            implements AutoCloseable {
        @Override
        public void close() {
            factory.close();
        }
    }

    public static Booted boot(EntitySet entities, TargetSettings settings) {
        Map<String, String> properties = new HashMap<>(settings.hibernateProperties());
        // Unqualified tables live in gen's first schema, as the migrations put them.
        properties.putIfAbsent("hibernate.default_schema", settings.defaultSchema());
        // An application's own settings may ask for schema export or update: seeding must never change the schema.
        properties.put("hibernate.hbm2ddl.auto", "none");
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.put("jakarta.persistence.schema-generation.scripts.action", "none");
        properties.put("hibernate.jdbc.batch_size", "100");
        properties.put("hibernate.order_inserts", "true");
        Metadata metadata = HibernateBoot.build(entities, new TargetSettings(settings.defaultSchema(), properties));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entities.loader());
        try {
            SessionFactoryImplementor factory = (SessionFactoryImplementor) metadata.buildSessionFactory();
            return new Booted(metadata, factory, entities.loader());
        } catch (RuntimeException e) {
            throw new UnsupportedMappingException("Hibernate cannot build a session factory for the entities: "
                    + HibernateBoot.rootMessage(e) + ". The application would fail to start with the same error: fix"
                    + " the mapping, recompile, and run gen again.");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
