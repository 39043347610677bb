package dev.gen.core.shadow;

import java.time.Duration;
import java.util.List;

/**
 * What {@code migration:verify} found: for each migration checked, each step with its outcome.
 *
 * @param checks the migrations in the order they were checked; verification stops after the first that fails
 * @param unchecked migrations that were to be checked but were not, because an earlier one failed
 * @param duration the whole verification, shadow database included
 */
public record VerifyReport(List<MigrationCheck> checks, List<String> unchecked, Duration duration) {

    public VerifyReport {
        checks = List.copyOf(checks);
        unchecked = List.copyOf(unchecked);
    }

    public boolean passed() {
        return checks.stream().allMatch(MigrationCheck::passed);
    }

    /** The steps of verification, in the order they run. */
    public enum Step {
        UP("up", "up applies on the history"),
        GENERATE("generate", "the next generate finds nothing"),
        DOWN("down", "down restores the schema as it was before up"),
        UP_AGAIN("up again", "up applies a second time after down");

        private final String label;
        private final String meaning;

        Step(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }
    }

    /**
     * One step's outcome.
     *
     * @param outcome passed, failed, or skipped (with the reason in {@code details})
     * @param details for a failure, the difference or the error in words; for a skip, why
     */
    public record StepResult(Step step, Outcome outcome, List<String> details) {
        public StepResult {
            details = List.copyOf(details);
        }

        static StepResult passed(Step step) {
            return new StepResult(step, Outcome.PASSED, List.of());
        }

        static StepResult failed(Step step, List<String> details) {
            return new StepResult(step, Outcome.FAILED, details);
        }

        static StepResult skipped(Step step, String why) {
            return new StepResult(step, Outcome.SKIPPED, List.of(why));
        }
    }

    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }

    public record MigrationCheck(String migration, List<StepResult> steps) {
        public MigrationCheck {
            steps = List.copyOf(steps);
        }

        public boolean passed() {
            return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAILED);
        }
    }
}
