package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.model.TableStats;
import java.util.List;
import java.util.Set;

/**
 * One change of a plan with the statements that apply it and the statements that undo it.
 *
 * @param up statements for {@code up}, in order
 * @param down statements for {@code down}, in the order they run (the runner runs steps' downs in reverse)
 * @param upRisk what {@code up}'s statements may do to a live database, and the lock they take
 * @param downRisk the same for {@code down}, which runs on rows written after {@code up}
 * @param dataRestored false when {@code down} re-creates structure whose data {@code up} destroyed
 * @param largeTable the size of the step's table when it is above the large-table thresholds and a hazard
 *     applies, else null
 */
public record Step(Change change, List<String> up, List<String> down, Risk upRisk, Risk downRisk,
        boolean dataRestored, TableStats largeTable) {

    public Step {
        up = List.copyOf(up);
        down = List.copyOf(down);
        upRisk = upRisk == null ? Risk.NONE : upRisk;
        downRisk = downRisk == null ? Risk.NONE : downRisk;
    }

    /** A step whose locks are not known (plans built by hand in tests and tools). */
    public Step(Change change, List<String> up, List<String> down, Set<Hazard> hazards, boolean dataRestored) {
        this(change, up, down, new Risk(hazards, Lock.NONE), Risk.NONE, dataRestored, null);
    }

    /** What {@code up} may do: {@code upRisk().hazards()}. */
    public Set<Hazard> hazards() {
        return upRisk.hazards();
    }

    public Set<Hazard> downHazards() {
        return downRisk.hazards();
    }

    /** {@code orders: ~12M rows, 4.1 GB}, or null when the step's table is not large. */
    public String largeTableText() {
        return largeTable == null ? null : change.table().name() + ": " + largeTable.describe();
    }
}
