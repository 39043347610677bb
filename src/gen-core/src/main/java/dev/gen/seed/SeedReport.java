package dev.gen.seed;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a seed run did.
 *
 * @param inserted objects inserted, per entity name (in the order they were first inserted)
 * @param skipped objects of the file that the database already held, each described with its JSON path and why
 * @param elapsed from reading the file to the commit
 */
public record SeedReport(Map<String, Integer> inserted, List<String> skipped, Duration elapsed) {
    public SeedReport {
        inserted = Map.copyOf(inserted);
        skipped = List.copyOf(skipped);
    }

    public int insertedCount() {
        return inserted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
