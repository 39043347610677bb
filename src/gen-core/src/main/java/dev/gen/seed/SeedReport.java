package dev.gen.seed;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a seed run did.
 *
 * @param inserted objects inserted, per entity name (in the order they were first inserted)
 * @param skipped objects of the file that the database already held, each described with its JSON path and why
 * @param elapsed from opening the session to the commit
 * @param phases milliseconds of each phase: {@code match} (references and existing rows), {@code insert}, {@code commit}
 */
public record SeedReport(Map<String, Integer> inserted, List<String> skipped, Duration elapsed,
        Map<String, Long> phases) {
    public SeedReport {
        inserted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inserted));
        skipped = List.copyOf(skipped);
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    }

    public int insertedCount() {
        return inserted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
