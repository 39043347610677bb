package dev.gen.cli;

import dev.gen.core.ChangeSummary;
import dev.gen.plan.Plan;
import java.io.PrintWriter;

/** The console list of changes: one line per change with its hazards (the words are gen-core's). */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan) {
        ChangeSummary.lines(plan).forEach(out::println);
    }
}
