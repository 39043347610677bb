package dev.gen.seed;

import java.util.Collection;
import java.util.List;
import org.hibernate.metamodel.mapping.AttributeMapping;

/** An association value of the file: set on {@code target} once its references are resolved. */
final class Link {
    final SeedObject holder;
    final Object target;
    final AttributeMapping attribute;
    final String path;
    final List<Ref> refs;
    /** Null for a to-one; otherwise makes the (empty) collection the elements go into. */
    final java.util.function.Supplier<Collection<Object>> collection;

    Link(SeedObject holder, Object target, AttributeMapping attribute, String path, List<Ref> refs,
            java.util.function.Supplier<Collection<Object>> collection) {
        this.holder = holder;
        this.target = target;
        this.attribute = attribute;
        this.path = path;
        this.refs = refs;
        this.collection = collection;
    }
}
