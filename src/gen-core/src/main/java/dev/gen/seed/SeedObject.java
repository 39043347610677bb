package dev.gen.seed;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.persister.entity.EntityPersister;

/**
 * One object of the seed file, built as an instance of its entity class. It keeps where it came from (its JSON
 * path), its label, the explicit id it was given, and the seed objects it must be inserted after.
 */
final class SeedObject {

    final String path;
    final EntityPersister persister;
    final Object instance;
    final String label;
    /** The id the file gives, converted to the id's Java type; null when the entity's generator chooses it. */
    Object explicitId;
    /** For an object nested in another's collection: that object. It is skipped whenever its owner is. */
    final SeedObject owner;
    /** New seed objects whose rows this one's insert refers to. */
    final Set<SeedObject> dependsOn = new LinkedHashSet<>();
    /** The row the database already holds for it (second run): the object is not inserted. */
    boolean existing;
    String existingBecause;

    SeedObject(String path, EntityPersister persister, Object instance, String label, SeedObject owner) {
        this.path = path;
        this.persister = persister;
        this.instance = instance;
        this.label = label;
        this.owner = owner;
    }

    String entityName() {
        return SeedGraph.simpleEntityName(persister);
    }

    boolean skipped() {
        return existing || (owner != null && owner.skipped());
    }

    @Override
    public String toString() {
        return entityName() + " at " + path + (label == null ? "" : " (\"@id\": \"" + label + "\")");
    }
}
