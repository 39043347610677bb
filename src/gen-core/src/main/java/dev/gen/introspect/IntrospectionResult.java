package dev.gen.introspect;

import dev.gen.model.Schema;

/**
 * What {@link Introspector#read} found, and how many round trips to the server it took (a constant, whatever
 * the number of tables: the benchmark reports it and a test holds it fixed).
 */
public record IntrospectionResult(Schema schema, int roundTrips) {
}
