package dev.gen.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.QualifiedName;
import dev.gen.model.TableStats;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tables' sizes come with the table query (issue 16): the estimate of rows once analysed, the size on disk,
 * the same round trips as without them, and no wait for a table another session holds in ACCESS EXCLUSIVE mode.
 */
class TableStatsIntrospectionTest {

    private static final QualifiedName BIG = QualifiedName.of("app", "big");
    private static final QualifiedName FRESH = QualifiedName.of("app", "fresh");

    private static void createTables(TestDatabase database) {
        database.execute("CREATE SCHEMA app",
                "CREATE TABLE app.big (id bigint PRIMARY KEY, note text)",
                "INSERT INTO app.big SELECT g, 'note ' || g FROM generate_series(1, 20000) g",
                "ANALYZE app.big",
                "CREATE TABLE app.fresh (id bigint)");
    }

    @Test
    void readsEstimatedRowsAndSizeOnDiskWithTheTables() throws SQLException {
        try (TestDatabase database = TestDatabase.create("stats")) {
            createTables(database);
            IntrospectionResult result;
            try (Connection connection = database.connect()) {
                result = Introspector.read(connection, Set.of("app"), name -> false);
            }
            TableStats big = result.stats().get(BIG);
            assertEquals(20000, big.estimatedRows());
            assertTrue(big.totalBytes() > 20000 * 10, "heap and primary key index: " + big);
            TableStats fresh = result.stats().get(FRESH);
            assertEquals(-1, fresh.estimatedRows(), "never analysed");
            assertTrue(fresh.describe().startsWith("rows unknown"), fresh.describe());
            assertTrue(result.roundTrips() <= 8, "the sizes add no round trip: " + result.roundTrips());
        }
    }

    @Test
    void aTableLockedByARunningMigrationDoesNotMakeTheReadWait() throws Exception {
        try (TestDatabase database = TestDatabase.create("stats_locked")) {
            createTables(database);
            try (Connection migration = database.connect(); Statement lock = migration.createStatement()) {
                migration.setAutoCommit(false);
                lock.execute("LOCK TABLE app.big IN ACCESS EXCLUSIVE MODE"); // as an ALTER TABLE holds it
                CompletableFuture<IntrospectionResult> read = CompletableFuture.supplyAsync(() -> {
                    try (Connection connection = database.connect()) {
                        return Introspector.read(connection, Set.of("app"), name -> false);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                IntrospectionResult result = read.get(20, TimeUnit.SECONDS); // pg_total_relation_size would wait
                TableStats big = result.stats().get(BIG);
                assertEquals(20000, big.estimatedRows());
                assertTrue(big.totalBytes() > 20000 * 10, "the catalog's page count stands in: " + big);
                migration.rollback();
            }
        }
    }
}
