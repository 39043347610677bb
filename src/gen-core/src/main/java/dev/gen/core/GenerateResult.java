package dev.gen.core;

import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import java.nio.file.Path;

/**
 * What {@code migration:generate} found and did.
 *
 * @param plan the steps, empty when the database already matches the entities
 * @param migrations the migrations generated, in the order they run: one, or the parts of a plan too large for
 *     one transaction ({@link dev.gen.plan.LockBudget}); empty when nothing was generated
 * @param timings how long each phase took
 * @param introspectionQueries database round trips the introspection took
 * @param warnings what the user should know but need not act on now (a skipped extension, say)
 * @param refusals the guard's verdict on the plan's changes: empty unless {@code --check}, which reports the
 *     changes a guard refuses (and the flag each needs) instead of stopping at them
 */
public record GenerateResult(Plan plan, java.util.List<Migration> migrations, Timings timings,
        int introspectionQueries, java.util.List<String> warnings, java.util.List<Refusal> refusals) {

    /**
     * One generated migration.
     *
     * @param className {@code V<version>__<Name>}
     * @param file where it was written, or null when it was not ({@code --dry-run})
     * @param source its Java source
     */
    public record Migration(String className, Path file, String source) {
    }

    public GenerateResult {
        migrations = migrations == null ? java.util.List.of() : java.util.List.copyOf(migrations);
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
        refusals = refusals == null ? java.util.List.of() : java.util.List.copyOf(refusals);
    }

    public GenerateResult(Plan plan, java.util.List<Migration> migrations, Timings timings, int introspectionQueries,
            java.util.List<String> warnings) {
        this(plan, migrations, timings, introspectionQueries, warnings, null);
    }

    /** The files written, in the order they run; empty when none was. */
    public java.util.List<Path> files() {
        return migrations.stream().map(Migration::file).filter(java.util.Objects::nonNull).toList();
    }

    /** {@code Wrote <file>} for each migration written, then why there are several when the plan was split. */
    public java.util.List<String> writtenLines() {
        java.util.List<Path> files = files();
        java.util.List<String> lines = new java.util.ArrayList<>();
        files.forEach(file -> lines.add("Wrote " + file));
        if (files.size() > 1) {
            lines.add("The plan holds more locks than one transaction should take on a default PostgreSQL server,"
                    + " so it is split into " + files.size() + " migrations that run in order, each in its own"
                    + " transaction.");
        }
        return lines;
    }

    /** The first migration written (the only one unless the plan was split), or null. */
    public Path file() {
        return files().stream().findFirst().orElse(null);
    }

    /**
     * The Java source of the migration, or null when nothing was generated; for a split plan each part's source
     * in turn, each under a {@code // ----- <file> -----} line.
     */
    public String source() {
        if (migrations.isEmpty()) {
            return null;
        }
        if (migrations.size() == 1) {
            return migrations.get(0).source();
        }
        StringBuilder all = new StringBuilder();
        migrations.forEach(migration -> all.append("// ----- ").append(migration.className()).append(".java -----\n")
                .append(migration.source()));
        return all.toString();
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
        return HazardReport.json(migration, file, migrations, plan, refusals);
    }
}
