package dev.gen.introspect;

import dev.gen.model.EnumType;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.TableStats;
import dev.gen.sql.Quote;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the live schema of a PostgreSQL database into the model, with one bulk catalog query per object kind
 * (tables with columns and comments, constraints, indexes, sequences, enum types) plus one that sets the
 * search_path and finds which of the schemas exist, all sent together: one round trip on an auto-commit
 * connection, whatever the number of tables.
 *
 * <p>Text comes back exactly as PostgreSQL prints it ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}) under a search_path of the managed schemas in sorted
 * order: objects in those schemas print unqualified, others schema-qualified. The normaliser ({@code dev.gen.normalize}) reads
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
        Reads reads = new Reads();
        if (connection.getAutoCommit()) {
            // One round trip: the search_path and every catalog query pipelined before one sync. They share the
            // implicit transaction that the sync ends, and the transaction-local search_path ends with it, so
            // there is nothing to roll back or restore.
            Set<String> existing = new TreeSet<>();
            runner.together(() -> {
                SearchPathScope.enterUntilSync(runner, names, existing);
                reads.read(runner, names, exclude);
            });
            Schema schema = reads.schema(existing);
            return new IntrospectionResult(schema, runner.roundTrips(), reads.stats(), reads.enumTypeUsers);
        }
        Schema schema = SearchPathScope.run(runner, names, existing -> {
            runner.together(() -> reads.read(runner, names, exclude));
            return reads.schema(existing);
        });
        return new IntrospectionResult(schema, runner.roundTrips(), reads.stats(), reads.enumTypeUsers);
    }

    /** What the catalog queries fill in as their rows arrive. */
    private static final class Reads {
        private CatalogTables tables;
        private List<Sequence> sequences;
        private List<EnumType> enumTypes;
        private final Map<QualifiedName, List<String>> enumTypeUsers = new HashMap<>();

        void read(QueryRunner runner, Collection<String> names, Predicate<QualifiedName> exclude)
                throws SQLException {
            tables = readTables(runner, names, exclude);
            sequences = SequenceReader.read(runner, names, exclude);
            // Handlers run in the order the queries were made, so the tables are read by the time the enum types'
            // rows ask which relations gen manages.
            enumTypes = EnumTypeReader.read(runner, names, relation -> isManaged(relation), enumTypeUsers);
        }

        private Set<String> managed;

        private boolean isManaged(String relation) {
            if (managed == null) {
                managed = new HashSet<>();
                tables.byName.keySet().forEach(t -> managed.add(t.schema() + "." + t.name()));
            }
            return managed.contains(relation);
        }

        /** Each table's estimated rows and size, read with its columns. */
        Map<QualifiedName, TableStats> stats() {
            Map<QualifiedName, TableStats> stats = new HashMap<>();
            tables.byName.values().forEach(table -> stats.put(table.name, table.stats));
            return stats;
        }

        Schema schema(Set<String> existing) {
            Map<QualifiedName, TableBuilder> byName = tables.byName;
            List<Table> built = byName.values().stream().map(TableBuilder::build).toList();
            return Schema.of(existing, built, sequences, enumTypes);
        }
    }

    /** As {@link #read}, for a caller that does not count round trips. */
    public static Schema readSchema(Connection connection, Set<String> schemas, Predicate<QualifiedName> excludeTable)
            throws SQLException {
        return read(connection, schemas, excludeTable).schema();
    }

    /**
     * Tables with columns, constraints and indexes: three queries in one round trip; also how the normaliser reads
     * its scratch tables.
     */
    static CatalogTables readTables(
            QueryRunner runner, Collection<String> schemas, Predicate<QualifiedName> excludeTable) throws SQLException {
        return readTables(runner, schemas, excludeTable, false);
    }

    /** As above; with {@code thenRollback}, the same round trip ends the transaction (the normaliser's). */
    static CatalogTables readTables(QueryRunner runner, Collection<String> schemas,
            Predicate<QualifiedName> excludeTable, boolean thenRollback) throws SQLException {
        CatalogTables[] tables = new CatalogTables[1];
        QueryRunner.Work reads = () -> {
            tables[0] = TableReader.read(runner, schemas, excludeTable);
            ConstraintReader.read(runner, schemas, tables[0]);
            IndexReader.read(runner, schemas, tables[0]);
        };
        if (thenRollback) {
            runner.togetherThenRollback(reads);
        } else {
            runner.together(reads);
        }
        return tables[0];
    }

    /**
     * The search_path under which both sides are printed: the managed schemas in sorted order, as a
     * {@code set_config} value. Objects in them print unqualified, anything else schema-qualified, whatever the
     * session's own search_path is. The normaliser prints its scratch tables under it too.
     */
    public static String searchPath(Collection<String> schemas) {
        return schemas.stream().sorted().map(Quote::ident).collect(Collectors.joining(", "));
    }

    /**
     * The tables of the given schemas read as {@link #read} reads them, each with the columns every check
     * mentions (by check name): how the normaliser reads back its scratch tables. With {@code thenRollback}, the
     * same round trip ends the transaction.
     */
    public static Map<QualifiedName, TableReading> readTables(QueryRunner runner, Collection<String> schemas,
            boolean thenRollback) throws SQLException {
        Map<QualifiedName, TableReading> read = new java.util.LinkedHashMap<>();
        readTables(runner, schemas, name -> false, thenRollback).byName.forEach(
                (name, builder) -> read.put(name, new TableReading(builder.build(),
                        java.util.Collections.unmodifiableMap(new HashMap<>(builder.checkColumns)))));
        return read;
    }

    /** One table as read, with the columns of each check (by check name) that the table model does not keep. */
    public record TableReading(Table table, Map<String, List<String>> checkColumns) {
    }
}
