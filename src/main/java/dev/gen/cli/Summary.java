package dev.gen.cli;

import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** The console list of changes a reviewer reads before opening the file. */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan) {
        out.println(plan.steps().size() + (plan.steps().size() == 1 ? " change:" : " changes:"));
        for (Step step : plan.steps()) {
            String hazards = step.hazards().isEmpty() ? "" : "  [" + step.hazards().stream().sorted()
                    .map(Hazard::label).collect(Collectors.joining(", ")) + "]";
            out.println("  - " + dev.gen.api.Printable.of(step.change().describe()) + hazards);
        }
    }
}
