package dev.gen.seed;

import org.hibernate.persister.entity.EntityPersister;

/** One reference: to a label, to a primary key, or to an object nested right there. */
final class Ref {
    final String path;
    final EntityPersister type;
    final String label;
    final Object id;
    SeedObject object;
    /** The row an id reference points at, loaded from the database. */
    Object loaded;

    Ref(String path, EntityPersister type, String label, Object id, SeedObject object) {
        this.path = path;
        this.type = type;
        this.label = label;
        this.id = id;
        this.object = object;
    }

    Object value() {
        return object != null ? object.instance : loaded;
    }
}
