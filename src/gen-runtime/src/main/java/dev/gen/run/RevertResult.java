package dev.gen.run;

import java.time.Duration;
import java.util.List;

/** What a revert did: the migrations whose {@code down} ran, latest first. */
public record RevertResult(List<ExecutedMigration> reverted, Duration duration) {

    public RevertResult {
        reverted = List.copyOf(reverted);
    }
}
