package dev.gen.core;

import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The list of changes as every front end prints it: "2 changes:", then one line per change with its hazards. */
public final class ChangeSummary {

    private ChangeSummary() {
    }

    public static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.steps().size() + (plan.steps().size() == 1 ? " change:" : " changes:"));
        for (Step step : plan.steps()) {
            String hazards = step.hazards().isEmpty() ? "" : "  [" + step.hazards().stream().sorted()
                    .map(Hazard::label).collect(Collectors.joining(", ")) + "]";
            lines.add("  - " + step.change().describe() + hazards);
        }
        return lines;
    }
}
