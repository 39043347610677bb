package dev.gen.plan;

import java.util.Set;
import java.util.TreeSet;

/**
 * What one direction of a step may do to a live database: its hazard classes and the lock it takes.
 *
 * @param hazards sorted in {@link Hazard}'s order when iterated through {@link #sorted()}
 */
public record Risk(Set<Hazard> hazards, Lock lock) {

    public static final Risk NONE = new Risk(Set.of(), Lock.NONE);

    public Risk {
        hazards = Set.copyOf(hazards);
        lock = lock == null ? Lock.NONE : lock;
    }

    /** The hazards in a fixed order (a {@code Set.copyOf} iterates differently from run to run). */
    public java.util.List<Hazard> sorted() {
        return java.util.List.copyOf(new TreeSet<>(hazards));
    }
}
