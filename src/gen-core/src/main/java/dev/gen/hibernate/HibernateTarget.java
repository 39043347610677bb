package dev.gen.hibernate;

import dev.gen.scan.EntityScanner;
import dev.gen.scan.EntitySet;
import org.hibernate.boot.Metadata;

/** The desired schema: what Hibernate expects the database to hold for these entities. */
public final class HibernateTarget {

    private HibernateTarget() {
    }

    /**
     * Built by the Hibernate the entities' loader carries: gen's own, or the application's own version, isolated
     * ({@link EntityScanner#scanForApplicationsHibernate}), through this package's copy in that loader.
     */
    public static TargetModel build(EntitySet entities, TargetSettings settings) {
        if (EntityScanner.isolatedHibernate(entities.loader()).isPresent()) {
            return IsolatedHibernate.build(entities, settings);
        }
        return buildWithOwnHibernate(entities, settings);
    }

    /** With the Hibernate this class was loaded with; {@link IsolatedHibernate} calls it in the isolated copy. */
    public static TargetModel buildWithOwnHibernate(EntitySet entities, TargetSettings settings) {
        Metadata metadata = HibernateBoot.build(entities, settings);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entities.loader());
        try {
            return new MetadataReader(metadata, settings).read();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
