package dev.gen.normalize;

import dev.gen.introspect.Introspector;
import dev.gen.introspect.QueryRunner;
import dev.gen.model.ColumnType;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the desired schema (Hibernate's DDL text) into PostgreSQL's canonical spelling, so that the diff can
 * compare it with the {@link Introspector}'s reading of the database as text.
 *
 * <p>Types {@link dev.gen.postgres.PgTypes} knows are rewritten without the server. Everything else is left to
 * PostgreSQL itself: types it does not know ({@code columnDefinition} text, user types), and the defaults,
 * checks and expression or partial indexes of tables that already exist (only those: a new table is created
 * anyway, which keeps an empty-database run free of work). They go into temporary tables in one transaction
 * that is rolled back, and come back through the Introspector's own catalog queries under the same
 * search_path, so both sides are printed by the same code. A handful of round trips, whatever the number of
 * tables.
 *
 * <p>For a column whose raw type text PostgreSQL had to read, the type, default, nullability and identity come
 * from that reading: a {@code columnDefinition} like {@code varchar(10) default 'x' not null} gives type
 * {@code character varying(10)}, default {@code 'x'::character varying} and NOT NULL (the column's own
 * nullable=false still wins). Checks, unique and primary keys such text declares are added to the table (name
 * null: PostgreSQL chooses it). Generated columns are not modelled: their expression is dropped.
 */
public final class DesiredNormalizer {

    private DesiredNormalizer() {
    }

    /**
     * The desired schema with canonical types, and canonical defaults, checks and index texts for the tables
     * {@code current} has.
     *
     * @throws DesiredSchemaException when PostgreSQL rejects a text; it names the table and column or constraint
     */
    public static Schema normalize(Connection connection, Schema desired, Schema current) throws SQLException {
        return normalizeCounted(connection, desired, current).schema();
    }

    /** As {@link #normalize}, with the cost. */
    public static NormalizationResult normalizeCounted(Connection connection, Schema desired, Schema current)
            throws SQLException {
        ScratchPlan plan = ScratchPlan.of(desired, current);
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        desired.tables().forEach((name, table) -> tables.put(name, withKnownTypes(table)));
        if (plan.isEmpty()) {
            return new NormalizationResult(desired.withTables(tables), 0, 0);
        }
        QueryRunner runner = new QueryRunner(connection);
        try (ScratchTransaction transaction = ScratchTransaction.begin(runner)) {
            String temporarySchema;
            try {
                temporarySchema = runner.script(ScratchTransaction.GUARD + ";\n" + plan.script());
                ScratchTransaction.requireOpen(connection);
            } catch (SQLException failure) {
                transaction.restart();
                throw ScratchDiagnosis.diagnose(runner, plan, failure);
            }
            ScratchResults results = new ScratchResults(temporarySchema,
                    Introspector.readTables(runner, List.of(temporarySchema), transaction.endsWithReadBack()));
            for (Table table : plan.probedTables) {
                tables.put(table.name(), NormalisedTable.of(table, plan, results));
            }
        }
        return new NormalizationResult(desired.withTables(tables), plan.tableCount(), runner.roundTrips());
    }

    /** The desired table with only the types PgTypes knows made canonical, for tables that need no server. */
    private static Table withKnownTypes(Table desired) {
        return desired.withColumns(desired.columns().stream()
                .map(c -> ScratchRules.knownType(c).map(type -> c.withType(ColumnType.of(type))).orElse(c))
                .toList());
    }
}
