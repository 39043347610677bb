package dev.gen.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.introspect.Introspector;
import dev.gen.model.Table;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The normaliser packs what it sends into few scratch tables (a temporary table costs far more than a column),
 * so that an up-to-date run on a large schema stays fast, and it still reads like the catalog.
 */
class NormalizationCostTest {

    /**
     * Tables as Hibernate would describe them: every table has its own column names (as enum checks on different
     * columns do), a default and two checks.
     */
    private static Table hibernateTable(int i) {
        return new Table(QualifiedName.of("app", "t" + i), List.of(
                Column.of("id", "bigint", false),
                Column.of("state_" + i, "varchar(255)", true).withDefault("'NEW'"),
                Column.of("kind_" + i, "smallint", true).withDefault("0"),
                Column.of("created", "timestamp(6) with time zone", true).withDefault("current_timestamp")),
                new PrimaryKey("t" + i + "_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(new Check("t" + i + "_kind_check", "kind_" + i + " between 0 and " + (i % 5 + 1), null),
                        new Check("t" + i + "_state_check", "state_" + i + " in ('NEW','PAID','SHIPPED')", null)),
                null);
    }

    private static String ddl(int i) {
        return "create table app.t" + i + " (id bigint not null, state_" + i + " varchar(255) default 'NEW',"
                + " kind_" + i + " smallint default 0, created timestamp(6) with time zone default current_timestamp,"
                + " primary key (id), constraint t" + i + "_state_check check (state_" + i
                + " in ('NEW','PAID','SHIPPED')), constraint t" + i + "_kind_check check (kind_" + i
                + " between 0 and " + (i % 5 + 1) + "))";
    }

    private static NormalizationResult normaliseUpToDate(int count) throws SQLException {
        try (TestDatabase database = TestDatabase.create("normalize_cost")) {
            List<String> statements = new ArrayList<>(List.of("create schema app"));
            List<Table> tables = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                statements.add(ddl(i));
                tables.add(hibernateTable(i));
            }
            database.execute(statements.toArray(String[]::new));
            try (Connection connection = database.connect()) {
                Schema current = Introspector.readSchema(connection, Set.of("app"), name -> false);
                Schema desired = Schema.of(Set.of("app"), tables, List.of(), List.of());
                NormalizationResult result = DesiredNormalizer.normalizeCounted(connection, desired, current);
                for (Table table : result.schema().tables().values()) {
                    assertEquals(current.table(table.name()),
                            table.withChecks(DesiredNormalizerTest.withoutSources(table.checks())),
                            "an up-to-date schema reads the same");
                }
                assertEquals(current.tables().keySet(), result.schema().tables().keySet());
                return result;
            }
        }
    }

    @Test
    void packsAndCostsTheSameForFiveAndTwoHundredTables() throws SQLException {
        NormalizationResult few = normaliseUpToDate(5);
        NormalizationResult many = normaliseUpToDate(200);
        assertEquals(few.roundTrips(), many.roundTrips());
        assertEquals(2, few.scratchTables(), "one for the defaults, one for the checks");
        assertEquals(2, many.scratchTables());
        assertTrue(many.roundTrips() <= 5, "was " + many.roundTrips());
    }
}
