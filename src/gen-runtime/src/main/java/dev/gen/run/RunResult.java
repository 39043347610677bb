package dev.gen.run;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param applied the migrations applied, oldest first (empty when the database was up to date)
 * @param recordedOnly true when they were recorded as applied without running ({@code fake} or baseline)
 * @param duration the whole command, lock wait included
 */
public record RunResult(List<ExecutedMigration> applied, boolean recordedOnly, Duration duration) {

    public RunResult {
        applied = List.copyOf(applied);
    }
}
