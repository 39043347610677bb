package dev.gen.core;

import dev.gen.scan.EntitySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A persistence unit that excludes unlisted classes maps exactly its {@code <class>} entries, as Hibernate boots it:
 * the scan's other mapped classes (entities of another unit, of a library) are not the application's schema.
 */
final class PersistenceUnitClasses {

    private PersistenceUnitClasses() {
    }

    static EntitySet restrict(EntitySet scanned, List<String> managedClasses, List<String> warnings) {
        if (managedClasses.isEmpty()) {
            return scanned;
        }
        Set<String> found = new TreeSet<>(scanned.classNames());
        List<String> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : managedClasses) {
            if (found.contains(name)) {
                kept.add(name);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            warnings.add("The persistence unit lists " + missing + ", which the entity classpath does not hold as"
                    + " mapped classes; gen maps the unit without them. Put their jar on --classpath.");
        }
        return new EntitySet(List.copyOf(new TreeSet<>(kept)), scanned.classpath(), scanned.loader(), scanned.warnings());
    }
}
