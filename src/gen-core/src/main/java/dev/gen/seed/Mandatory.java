package dev.gen.seed;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/** The required attributes: what the mapping says may not be null must be given, or set by the class itself. */
final class Mandatory {

    private final SeedGraph graph;

    Mandatory(SeedGraph graph) {
        this.graph = graph;
    }

    /** A non-nullable attribute that is still null after the file's values and the class's initialisers. */
    void require(SeedObject object) {
        EntityPersister persister = object.persister;
        Object instance = object.instance;
        List<String> missing = new ArrayList<>();
        var attributes = persister.getAttributeMappings();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeMapping attribute = attributes.get(i);
            if (attribute instanceof PluralAttributeMapping || attribute.getAttributeMetadata().isNullable()
                    || attribute.getGenerator() != null || isLinked(object, attribute)
                    || (persister.getVersionMapping() != null
                            && persister.getVersionMapping().getVersionAttribute() == attribute)) {
                continue;
            }
            if (attribute.getPropertyAccess().getGetter().get(instance) == null) {
                missing.add(attribute.getAttributeName());
            }
        }
        if (!missing.isEmpty()) {
            throw graph.input(object.path, object.entityName(), missing.get(0), object.entityName() + " requires "
                    + String.join(", ", missing) + " (not nullable in the mapping), which the object does not give."
                    + " Add " + (missing.size() == 1 ? "it" : "them") + " to the object.");
        }
    }

    /** Seed objects compare by identity, so (object, attribute) pairs key the set. */
    private boolean isLinked(SeedObject object, AttributeMapping attribute) {
        if (linked == null) {
            linked = new java.util.HashSet<>();
            for (Link link : graph.links) {
                if (link.holder != null && !link.refs.isEmpty()) {
                    linked.add(List.of(link.holder, link.attribute.getAttributeName()));
                }
            }
        }
        return linked.contains(List.of(object, attribute.getAttributeName()));
    }

    private java.util.Set<List<Object>> linked;
}
