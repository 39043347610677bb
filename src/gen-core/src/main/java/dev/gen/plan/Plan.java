package dev.gen.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered steps of one migration.
 *
 * @param transactional false when a step must run outside a transaction ({@code CREATE INDEX CONCURRENTLY})
 */
public record Plan(List<Step> steps, boolean transactional) {
    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<String> upStatements() {
        List<String> statements = new ArrayList<>();
        steps.forEach(step -> statements.addAll(step.up()));
        return statements;
    }

    /** The statements of {@code down}: each step's undo, last step first. */
    public List<String> downStatements() {
        List<Step> reversed = new ArrayList<>(steps);
        Collections.reverse(reversed);
        List<String> statements = new ArrayList<>();
        reversed.forEach(step -> statements.addAll(step.down()));
        return statements;
    }

    public Set<Hazard> hazards() {
        Set<Hazard> all = EnumSet.noneOf(Hazard.class);
        steps.forEach(step -> all.addAll(step.hazards()));
        return all;
    }

    /** The hazards of {@code down}, listed apart: it runs on rows written after {@code up}. */
    public Set<Hazard> downHazards() {
        Set<Hazard> all = EnumSet.noneOf(Hazard.class);
        steps.forEach(step -> all.addAll(step.downHazards()));
        return all;
    }
}
