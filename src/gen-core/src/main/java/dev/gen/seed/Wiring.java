package dev.gen.seed;

import java.util.Collection;

/** Sets the association attributes of the file's objects once every reference points at an instance. */
final class Wiring {

    private Wiring() {
    }

    static void wire(SeedGraph graph) {
        for (Link link : graph.links) {
            Object value;
            if (link.collection == null) {
                value = link.refs.isEmpty() ? null : link.refs.get(0).value();
            } else {
                Collection<Object> elements = link.collection.get();
                for (Ref ref : link.refs) {
                    elements.add(ref.value());
                }
                value = elements;
            }
            link.attribute.getPropertyAccess().getSetter().set(link.target, value);
        }
    }
}
