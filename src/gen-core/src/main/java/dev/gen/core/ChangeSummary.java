package dev.gen.core;

import dev.gen.plan.Hazard;
import dev.gen.plan.LockLevel;
import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import dev.gen.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The list of changes a reviewer reads before opening the file, as every front end (the CLI, the Maven plugin)
 * prints it: each change with its hazards, then indented, the lock it takes, the table's size where it is large,
 * what {@code down} risks, and under {@code --check} the guard's verdict.
 */
public final class ChangeSummary {

    private ChangeSummary() {
    }

    public static List<String> lines(Plan plan) {
        return lines(plan, List.of());
    }

    /** @param refusals the guard's verdicts ({@code --check}): a refused change says which flag it needs */
    public static List<String> lines(Plan plan, List<Refusal> refusals) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.steps().size() + (plan.steps().size() == 1 ? " change:" : " changes:"));
        for (Step step : plan.steps()) {
            lines.add("  - " + Printable.of(step.change().describe()) + labels(step.hazards()));
            if (step.upRisk().lock().level() != LockLevel.NONE) {
                lines.add("      lock: " + step.upRisk().lock().describe());
            }
            if (step.largeTable() != null) {
                lines.add("      large table: " + step.largeTableText());
            }
            if (!step.downHazards().isEmpty()) {
                lines.add("      down:" + labels(step.downHazards()) + " "
                        + step.downRisk().sorted().stream().map(Hazard::downExplanation)
                                .collect(Collectors.joining("; ")));
            }
            refusals.stream().filter(r -> r.change().equals(step.change())).findFirst()
                    .ifPresent(refusal -> lines.add("      refused without " + refusal.needs()));
        }
        return lines;
    }

    private static String labels(Set<Hazard> hazards) {
        return hazards.isEmpty() ? "" : "  [" + hazards.stream().sorted().map(Hazard::label)
                .collect(Collectors.joining(", ")) + "]";
    }
}
