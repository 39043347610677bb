package dev.gen.seed;

import java.util.List;

/** A seed file read into entity instances and put in insertion order; consumed by one load. */
public final class SeedPlan {

    private final SeedGraph graph;
    private final List<SeedObject> ordered;

    SeedPlan(SeedGraph graph, List<SeedObject> ordered) {
        this.graph = graph;
        this.ordered = List.copyOf(ordered);
    }

    SeedGraph graph() {
        return graph;
    }

    List<SeedObject> ordered() {
        return ordered;
    }

    /** Every object of the file, nested ones included. */
    public int objectCount() {
        return ordered.size();
    }
}
