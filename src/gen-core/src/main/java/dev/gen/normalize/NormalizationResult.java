package dev.gen.normalize;

import dev.gen.model.Schema;

/**
 * The desired schema in PostgreSQL's canonical spelling, with how many scratch tables and round trips it took
 * (none when every table is new and every type is known: an empty-database run costs nothing).
 */
public record NormalizationResult(Schema schema, int scratchTables, int roundTrips) {
}
