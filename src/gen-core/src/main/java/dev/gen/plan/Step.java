package dev.gen.plan;

import dev.gen.diff.Change;
import java.util.List;
import java.util.Set;

/**
 * One change of a plan with the statements that apply it and the statements that undo it.
 *
 * @param up statements for {@code up}, in order
 * @param down statements for {@code down}, in the order they run (the runner runs steps' downs in reverse)
 * @param hazards what the step may do to a live database
 * @param dataRestored false when {@code down} re-creates structure whose data {@code up} destroyed
 */
public record Step(Change change, List<String> up, List<String> down, Set<Hazard> hazards, boolean dataRestored) {
    public Step {
        up = List.copyOf(up);
        down = List.copyOf(down);
        hazards = Set.copyOf(hazards);
    }
}
