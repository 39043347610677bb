package dev.gen.core;

import dev.gen.plan.Plan;
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
 */
public record GenerateResult(Plan plan, Path file, String source, Timings timings, int introspectionQueries,
        java.util.List<String> warnings) {

    public GenerateResult {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    public boolean hasChanges() {
        return !plan.isEmpty();
    }
}
