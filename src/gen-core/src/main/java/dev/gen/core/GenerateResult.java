package dev.gen.core;

import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import java.nio.file.Path;

/**
 * What {@code migration:generate} found and did.
 *
 * @param plan the steps, empty when the database already matches the entities
 * @param file the migration written, or null
 * @param source the migration's Java source, or null when nothing was generated
 * @param timings how long each phase took
 * @param introspectionQueries database round trips the introspection took
 * @param warnings what the user should know but need not act on now (a skipped extension, say)
 * @param refusals the guard's verdict on the plan's changes: empty unless {@code --check}, which reports the
 *     changes a guard refuses (and the flag each needs) instead of stopping at them
 */
public record GenerateResult(Plan plan, Path file, String source, Timings timings, int introspectionQueries,
        java.util.List<String> warnings, java.util.List<Refusal> refusals) {

    public GenerateResult {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
        refusals = refusals == null ? java.util.List.of() : java.util.List.copyOf(refusals);
    }

    public GenerateResult(Plan plan, Path file, String source, Timings timings, int introspectionQueries,
            java.util.List<String> warnings) {
        this(plan, file, source, timings, introspectionQueries, warnings, null);
    }

    public boolean hasChanges() {
        return !plan.isEmpty();
    }

    /** How many changes the plan holds. */
    public int changeCount() {
        return plan.steps().size();
    }

    /** The console list of changes ({@link ChangeSummary}), with the guard's verdicts under {@code --check}. */
    public java.util.List<String> summaryLines() {
        return ChangeSummary.lines(plan, refusals);
    }

    /** The {@code --format json} document ({@link HazardReport}); {@code file} null when nothing was written. */
    public String jsonReport(String migration, String file) {
        return HazardReport.json(migration, file, plan, refusals);
    }
}
