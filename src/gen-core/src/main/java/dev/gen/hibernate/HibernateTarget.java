package dev.gen.hibernate;

import dev.gen.scan.EntitySet;
import org.hibernate.boot.Metadata;

/** The desired schema: what Hibernate expects the database to hold for these entities. */
public final class HibernateTarget {

    private HibernateTarget() {
    }

    public static TargetModel build(EntitySet entities, TargetSettings settings) {
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
