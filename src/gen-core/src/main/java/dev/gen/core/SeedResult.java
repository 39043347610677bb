package dev.gen.core;

import dev.gen.run.RunResult;
import dev.gen.seed.SeedReport;

/**
 * What {@code seed} did: the migrations it applied first, then the objects it inserted and skipped.
 *
 * @param migrations the migrations applied (empty with {@code --no-migrate} or when none was pending)
 * @param seeded the rows inserted and the objects skipped
 */
public record SeedResult(RunResult migrations, SeedReport seeded) {
}
