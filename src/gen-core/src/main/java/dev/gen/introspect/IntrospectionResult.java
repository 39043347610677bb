package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.TableStats;
import java.util.List;
import java.util.Map;

/**
 * What {@link Introspector#read} found, and how many round trips to the server it took (a constant, whatever
 * the number of tables: the benchmark reports it and a test holds it fixed).
 *
 * @param stats each table's estimated rows and size on disk, read in the same query as its columns; kept beside
 *     the schema rather than in it, so that the diff compares structure only
 * @param enumTypeUsers per enum type, what uses it apart from the columns of the tables read (an excluded
 *     table's column, a view, a function), in PostgreSQL's words: such a type must not be dropped
 */
public record IntrospectionResult(Schema schema, int roundTrips, Map<QualifiedName, TableStats> stats,
        Map<QualifiedName, List<String>> enumTypeUsers) {

    public IntrospectionResult {
        stats = Map.copyOf(stats);
        enumTypeUsers = Map.copyOf(enumTypeUsers);
    }

    public IntrospectionResult(Schema schema, int roundTrips) {
        this(schema, roundTrips, Map.of(), Map.of());
    }
}
