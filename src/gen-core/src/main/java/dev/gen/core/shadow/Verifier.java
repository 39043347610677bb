package dev.gen.core.shadow;

import dev.gen.cache.ModelCache;
import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.ShadowAccess;
import dev.gen.model.Schema;
import dev.gen.plan.Step;
import dev.gen.run.LoadedMigration;
import dev.gen.run.MigrationException;
import dev.gen.run.Migrations;
import dev.gen.core.shadow.VerifyReport.MigrationCheck;
import dev.gen.core.shadow.VerifyReport.StepResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code migration:verify}: each migration to check, in the shadow database after the history before it, goes
 * through up, the next generate (for the newest migration of the directory, when the entity classpath is known),
 * down with the schema compared to the one before up, and up again. Nothing runs on the target: it is only asked
 * which migrations it has applied, when none are named.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * @param names migrations to check (class or file name, or version), or empty for those the target has not
     *     applied
     */
    public static VerifyReport verify(GenConfig target, ShadowServer server, List<String> names, ModelCache cache) {
        long start = System.nanoTime();
        History history = History.load(target);
        List<LoadedMigration> checked = names.isEmpty() ? pending(history) : named(history, names);
        List<MigrationCheck> checks = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        if (!checked.isEmpty()) {
            try (ShadowDatabase shadow = ShadowDatabase.create(server)) {
                history.replay(shadow, history.before(checked.get(0).id().version()));
                for (LoadedMigration migration : checked) {
                    if (!checks.isEmpty() && !checks.get(checks.size() - 1).passed()) {
                        unchecked.add(migration.id().simpleName());
                        continue;
                    }
                    history.replay(shadow, history.before(migration.id().version()));
                    boolean newest = migration.equals(history.all().get(history.all().size() - 1));
                    checks.add(check(target, shadow, history, migration, newest, cache));
                }
            }
        }
        return new VerifyReport(checks, unchecked, Duration.ofNanos(System.nanoTime() - start));
    }

    private static MigrationCheck check(GenConfig target, ShadowDatabase shadow, History history,
            LoadedMigration migration, boolean newest, ModelCache cache) {
        List<LoadedMigration> upToIt = new ArrayList<>(history.before(migration.id().version()));
        upToIt.add(migration);
        Migrations runner = history.runner(shadow, upToIt);
        List<StepResult> steps = new ArrayList<>();
        Schema before = read(target, shadow);

        try {
            runner.run();
            steps.add(StepResult.passed(VerifyReport.Step.UP));
        } catch (MigrationException e) {
            steps.add(StepResult.failed(VerifyReport.Step.UP, List.of(e.getMessage())));
            skipRest(steps, "up failed");
            return new MigrationCheck(migration.id().simpleName(), steps);
        }

        steps.add(nextGenerate(target, shadow, newest, cache));

        try {
            // a down that cannot run (one that throws to say it is irreversible) fails here, with its reason
            runner.revert(1);
        } catch (MigrationException e) {
            steps.add(StepResult.failed(VerifyReport.Step.DOWN, List.of(e.getMessage())));
            steps.add(StepResult.skipped(VerifyReport.Step.UP_AGAIN, "down failed"));
            return new MigrationCheck(migration.id().simpleName(), steps);
        }
        List<String> left = Differences.between(before, read(target, shadow));
        steps.add(left.isEmpty() ? StepResult.passed(VerifyReport.Step.DOWN)
                : StepResult.failed(VerifyReport.Step.DOWN, left.stream()
                        .map(change -> "after down, the schema differs from the one before up: it would take \""
                                + change + "\" to turn the one before up into the one after down").toList()));

        try {
            runner.run();
            steps.add(StepResult.passed(VerifyReport.Step.UP_AGAIN));
        } catch (MigrationException e) {
            steps.add(StepResult.failed(VerifyReport.Step.UP_AGAIN, List.of(e.getMessage())));
        }
        return new MigrationCheck(migration.id().simpleName(), steps);
    }

    private static StepResult nextGenerate(GenConfig target, ShadowDatabase shadow, boolean newest, ModelCache cache) {
        if (!newest) {
            return StepResult.skipped(VerifyReport.Step.GENERATE, "a newer migration of the directory has not run"
                    + " yet, so the entities are only compared after the newest one");
        }
        if (target.classpath().isEmpty()) {
            return StepResult.skipped(VerifyReport.Step.GENERATE, "no entity classpath is configured (--classpath)");
        }
        // Destructive changes are listed, not refused: the check writes nothing, it only counts what is left.
        GenerateResult result = Generator.generate(shadow.config(target), GenerateRequest.check().allowingDestructive(),
                cache);
        if (!result.hasChanges()) {
            return StepResult.passed(VerifyReport.Step.GENERATE);
        }
        return StepResult.failed(VerifyReport.Step.GENERATE, result.plan().steps().stream().map(Step::change)
                .map(change -> "after up, generate still finds: " + change.describe()).toList());
    }

    private static void skipRest(List<StepResult> steps, String why) {
        steps.add(StepResult.skipped(VerifyReport.Step.GENERATE, why));
        steps.add(StepResult.skipped(VerifyReport.Step.DOWN, why));
        steps.add(StepResult.skipped(VerifyReport.Step.UP_AGAIN, why));
    }

    private static Schema read(GenConfig target, ShadowDatabase shadow) {
        try (Connection connection = shadow.connect()) {
            return ShadowAccess.readSchema(target, connection);
        } catch (SQLException e) {
            throw new GenException("Cannot read the schema of the shadow database " + shadow.name() + ": "
                    + e.getMessage(), ExitCodes.CONNECTION, e);
        }
    }

    private static List<LoadedMigration> pending(History history) {
        Set<String> applied = history.appliedOnTarget();
        return history.all().stream().filter(m -> !applied.contains(m.id().version())).toList();
    }

    private static List<LoadedMigration> named(History history, List<String> names) {
        List<LoadedMigration> found = new ArrayList<>();
        for (String name : names) {
            String wanted = name.endsWith(".java") ? name.substring(name.lastIndexOf('/') + 1, name.length() - 5) : name;
            LoadedMigration match = history.all().stream().filter(m -> m.id().simpleName().equals(wanted)
                    || m.id().version().equals(wanted)).findFirst().orElseThrow(() -> new GenException("No migration "
                    + name + " in " + history.describe() + ". Name a migration by its class or file name"
                    + " (V20261121090000__Init) or its version (20261121090000); gen migration:show lists them.",
                    ExitCodes.USAGE));
            if (!found.contains(match)) {
                found.add(match);
            }
        }
        found.sort((a, b) -> a.id().compareTo(b.id()));
        return found;
    }
}
