package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import java.util.List;
import java.util.Map;

/**
 * What {@link Introspector#read} found, and how many round trips to the server it took (a constant, whatever
 * the number of tables: the benchmark reports it and a test holds it fixed).
 */
public record IntrospectionResult(Schema schema, int roundTrips, Map<QualifiedName, List<String>> enumTypeUsers) {

    /**
     * @param enumTypeUsers per enum type, what uses it apart from the columns of the tables read (an excluded
     *     table's column, a view, a function), in PostgreSQL's words: such a type must not be dropped
     */
    public IntrospectionResult {
        enumTypeUsers = Map.copyOf(enumTypeUsers);
    }

    public IntrospectionResult(Schema schema, int roundTrips) {
        this(schema, roundTrips, Map.of());
    }
}
