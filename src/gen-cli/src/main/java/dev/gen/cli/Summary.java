package dev.gen.cli;

import dev.gen.core.ChangeSummary;
import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import java.io.PrintWriter;
import java.util.List;

/** The console list of changes; the words are gen-core's {@link ChangeSummary}, shared with the Maven plugin. */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, Plan plan) {
        print(out, plan, List.of());
    }

    /** @param refusals the guard's verdicts ({@code --check}): a refused change says which flag it needs */
    static void print(PrintWriter out, Plan plan, List<Refusal> refusals) {
        ChangeSummary.lines(plan, refusals).forEach(out::println);
    }
}
