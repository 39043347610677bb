package dev.gen.core;

import dev.gen.run.ExecutedMigration;
import dev.gen.run.MigrationState;
import dev.gen.run.MigrationStatus;
import dev.gen.run.RepairResult;
import dev.gen.run.RunResult;
import java.time.Instant;
import java.util.List;

/**
 * The runner's commands as the front ends print them: settings in {@link RunSettings}, results as gen-core values,
 * so that the command line speaks to the façade alone. Each delegates to {@link Migrations}, which programmatic
 * callers use with the runtime's own types.
 */
public final class MigrationCommands {

    private MigrationCommands() {
    }

    /** A migration run or reverted. @param id its name as printed ({@code V20261121090000__Init}) */
    public record Executed(String id, long executionMs) {
        static List<Executed> of(List<ExecutedMigration> migrations) {
            return migrations.stream().map(m -> new Executed(m.id().toString(), m.executionMs())).toList();
        }
    }

    /** What a run applied, or only recorded as applied ({@code --fake}, baseline). */
    public record Applied(List<Executed> migrations, boolean recordedOnly) {
        public Applied {
            migrations = List.copyOf(migrations);
        }

        static Applied of(RunResult result) {
            return new Applied(Executed.of(result.applied()), result.recordedOnly());
        }
    }

    /** What a repair forgot (failed runs) and accepted (edited checksums), by migration name. */
    public record Repaired(List<String> removedFailed, List<String> acceptedChecksums) {
        public Repaired {
            removedFailed = List.copyOf(removedFailed);
            acceptedChecksums = List.copyOf(acceptedChecksums);
        }
    }

    /** Where a migration stands; the runtime's {@link MigrationState}, one for one. */
    public enum State {
        APPLIED,
        PENDING,
        OUT_OF_ORDER,
        CHECKSUM_MISMATCH,
        MISSING,
        FAILED;

        static State of(MigrationState state) {
            return switch (state) {
                case APPLIED -> APPLIED;
                case PENDING -> PENDING;
                case OUT_OF_ORDER -> OUT_OF_ORDER;
                case CHECKSUM_MISMATCH -> CHECKSUM_MISMATCH;
                case MISSING -> MISSING;
                case FAILED -> FAILED;
            };
        }
    }

    /** One line of {@code show}. @param appliedAt null unless recorded; @param location null with one location */
    public record Status(String id, State state, Instant appliedAt, String location) {
        static Status of(MigrationStatus status) {
            return new Status(status.id().toString(), State.of(status.state()), status.appliedAt(), status.location());
        }
    }

    public static Applied run(GenConfig config, RunSettings settings) {
        return Applied.of(Migrations.run(config, settings.options()));
    }

    public static Applied baseline(GenConfig config, RunSettings settings, String version) {
        return Applied.of(Migrations.baseline(config, settings.options(), version));
    }

    public static List<Executed> revert(GenConfig config, RunSettings settings, int count) {
        return Executed.of(Migrations.revert(config, settings.options(), count).reverted());
    }

    public static List<Executed> revertTo(GenConfig config, RunSettings settings, String version) {
        return Executed.of(Migrations.revertTo(config, settings.options(), version).reverted());
    }

    public static List<Status> status(GenConfig config, RunSettings settings) {
        return Migrations.status(config, settings.options()).stream().map(Status::of).toList();
    }

    public static Repaired repair(GenConfig config, RunSettings settings) {
        RepairResult result = Migrations.repair(config, settings.options());
        return new Repaired(result.removedFailed().stream().map(Object::toString).toList(),
                result.realignedChecksums().stream().map(Object::toString).toList());
    }
}
