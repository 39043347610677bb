package dev.gen.introspect;

import dev.gen.model.EnumType;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.TableStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads the live schema of a PostgreSQL database into the model, with one bulk catalog query per object kind
 * (tables with columns and comments, constraints, indexes, sequences, enum types) plus one that sets the
 * search_path and finds which of the schemas exist, and one to end the read: seven round trips, whatever the
 * number of tables.
 *
 * <p>Text comes back exactly as PostgreSQL prints it ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}) under a search_path of the managed schemas in sorted
 * order: objects in those schemas print unqualified, others schema-qualified. {@link DesiredNormalizer} reads
 * the desired side under the same search_path, so the two compare as text. See {@code package-info} for what is
 * and is not modelled.
 */
public final class Introspector {

    private Introspector() {
    }

    /**
     * Reads the tables, sequences and enum types of the given schemas.
     *
     * @param schemas the PostgreSQL schemas to read; the result's {@link Schema#schemas()} holds those of
     *     them that exist (a schema that does not exist yet is one the migration must create)
     * @param excludeTable tables to leave out (the migration history table), with the sequences they own
     */
    public static IntrospectionResult read(Connection connection, Set<String> schemas, Predicate<QualifiedName> excludeTable)
            throws SQLException {
        QueryRunner runner = new QueryRunner(connection);
        Collection<String> names = new TreeSet<>(schemas);
        Predicate<QualifiedName> exclude = excludeTable == null ? name -> false : excludeTable;
        Map<QualifiedName, TableStats> stats = new HashMap<>();
        Map<QualifiedName, List<String>> enumTypeUsers = new HashMap<>();
        Schema schema = SearchPathScope.run(runner, names, existing -> {
            Map<QualifiedName, TableBuilder> tables = readTables(runner, names, exclude).byName;
            tables.values().forEach(table -> stats.put(table.name, table.stats));
            List<Sequence> sequences = SequenceReader.read(runner, names, exclude);
            Set<String> managed = new java.util.HashSet<>();
            tables.keySet().forEach(table -> managed.add(table.schema() + "." + table.name()));
            List<EnumType> enumTypes = EnumTypeReader.read(runner, names, managed::contains, enumTypeUsers);
            List<Table> built = tables.values().stream().map(TableBuilder::build).toList();
            return Schema.of(existing, built, sequences, enumTypes);
        });
        return new IntrospectionResult(schema, runner.roundTrips(), stats, enumTypeUsers);
    }

    /** As {@link #read}, for a caller that does not count round trips. */
    public static Schema readSchema(Connection connection, Set<String> schemas, Predicate<QualifiedName> excludeTable)
            throws SQLException {
        return read(connection, schemas, excludeTable).schema();
    }

    /** Tables with columns, constraints and indexes: three queries; also how the normaliser reads its scratch tables. */
    static CatalogTables readTables(
            QueryRunner runner, Collection<String> schemas, Predicate<QualifiedName> excludeTable) throws SQLException {
        CatalogTables tables = TableReader.read(runner, schemas, excludeTable);
        ConstraintReader.read(runner, schemas, tables);
        IndexReader.read(runner, schemas, tables);
        return tables;
    }
}
