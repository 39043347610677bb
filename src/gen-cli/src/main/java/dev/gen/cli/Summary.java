package dev.gen.cli;

import dev.gen.plan.Hazard;
import dev.gen.plan.LockLevel;
import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import dev.gen.plan.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console list of changes a reviewer reads before opening the file: each change with its hazards, then
 * indented, the lock it takes, the table's size where it is large, what {@code down} risks, and under
 * {@code --check} the guard's verdict.
 */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan) {
        print(out, plan, List.of());
    }

    /** @param refusals the guard's verdicts ({@code --check}): a refused change says which flag it needs */
    static void print(PrintWriter out, Plan plan, List<Refusal> refusals) {
        out.println(plan.steps().size() + (plan.steps().size() == 1 ? " change:" : " changes:"));
        for (Step step : plan.steps()) {
            out.println("  - " + dev.gen.core.Printable.of(step.change().describe()) + labels(step.hazards()));
            if (step.upRisk().lock().level() != LockLevel.NONE) {
                out.println("      lock: " + step.upRisk().lock().describe());
            }
            if (step.largeTable() != null) {
                out.println("      large table: " + step.largeTableText());
            }
            if (!step.downHazards().isEmpty()) {
                out.println("      down:" + labels(step.downHazards()) + " "
                        + step.downRisk().sorted().stream().map(Hazard::downExplanation)
                                .collect(Collectors.joining("; ")));
            }
            Refusal refusal = HazardReport.refusal(step, refusals);
            if (refusal != null) {
                out.println("      refused without " + refusal.needs());
            }
        }
    }

    private static String labels(Set<Hazard> hazards) {
        return hazards.isEmpty() ? "" : "  [" + HazardReport.labels(hazards).stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "]";
    }
}
