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

    /** The migrations applied first, as front ends print them. */
    public java.util.List<MigrationCommands.Executed> applied() {
        return MigrationCommands.Executed.of(migrations.applied());
    }

    /** {@code Seeded 3 objects (2 Customer, 1 Order); skipped 1 that exist already in 12 ms.} */
    public String summary() {
        return "Seeded " + seeded.insertedCount() + (seeded.insertedCount() == 1 ? " object" : " objects")
                + (seeded.inserted().isEmpty() ? "" : " (" + seeded.inserted().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "))
                        + ")")
                + (seeded.skipped().isEmpty() ? "" : "; skipped " + seeded.skipped().size() + " that exist already")
                + " in " + seeded.elapsed().toMillis() + " ms.";
    }

    /** The objects skipped because the database holds them already, one line each. */
    public java.util.List<String> skipped() {
        return seeded.skipped();
    }
}
