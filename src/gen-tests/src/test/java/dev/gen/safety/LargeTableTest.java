package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.plan.Hazard;
import dev.gen.plan.Step;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, must show 2: a hazard on a table with over a million rows (made with generate_series and analysed, so
 * that reltuples is set) is marked {@code large-table} and shows the size; on a small table it is not; the
 * thresholds are configurable; and the sizes cost no round trip.
 */
class LargeTableTest {

    private static Map<String, String> model(String pkg, String orderIndex, String noteIndex) {
        return Map.of(pkg + "/Order.java", SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "orders"%s)
                public class Order {
                    @Id Long id;
                    Integer amount;
                }
                """.formatted(orderIndex)), pkg + "/Note.java", SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "notes"%s)
                public class Note {
                    @Id Long id;
                    Integer amount;
                }
                """.formatted(noteIndex)));
    }

    private static Step step(GenerateResult result, String table) {
        return result.plan().steps().stream().filter(s -> s.change().table().name().equals(table)).findFirst()
                .orElseThrow();
    }

    @Test
    void hazardsOnATableAboveTheThresholdsShowItsSize() {
        try (SafetyFixture f = SafetyFixture.create("large")) {
            Path v1 = f.entities(model("l1", "", ""));
            f.generate(v1, GenerateRequest.write("Create").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO orders (id, amount) SELECT g, g % 1000 FROM generate_series(1, 1200000) g",
                    "INSERT INTO notes (id, amount) SELECT g, g FROM generate_series(1, 12) g", "ANALYZE orders",
                    "ANALYZE notes");
            String index = ", indexes = @Index(name = \"%s_amount_idx\", columnList = \"amount\")";
            Path v2 = f.entities(model("l2", index.formatted("orders"), index.formatted("notes")));

            GenerateResult result = f.generate(v2, GenerateRequest.check());
            Step orders = step(result, "orders");
            Step notes = step(result, "notes");
            assertTrue(orders.hazards().contains(Hazard.LARGE_TABLE), orders.toString());
            assertNotNull(orders.largeTable());
            assertTrue(orders.largeTable().estimatedRows() > 1_000_000, orders.largeTable().toString());
            assertTrue(Pattern.matches("orders: ~1\\.2M rows, \\d+(\\.\\d)? MB", orders.largeTableText()),
                    orders.largeTableText());
            assertFalse(notes.hazards().contains(Hazard.LARGE_TABLE), notes.toString());
            assertTrue(notes.hazards().contains(Hazard.LONG_LOCK), "the small table's index still takes its lock");
            assertNull(notes.largeTable());
            // the sizes come with the table query: the introspection's round trips stay those IntrospectionCostTest counts
            assertEquals(1, result.introspectionQueries());

            SafetyFixture.Cli text = f.cli("migration:generate", "--check", "--config", f.properties(v2).toString());
            assertEquals(1, text.exitCode(), text.out() + text.err());
            assertTrue(text.out().contains("  - create index orders_amount_idx on public.orders[amount]"
                    + "  [long-lock, large-table]\n      lock: SHARE while the index is built: writes wait, reads go on\n"
                    + "      large table: orders: ~1.2M rows, "), text.out());
            assertTrue(text.out().contains("  - create index notes_amount_idx on public.notes[amount]  [long-lock]\n"
                    + "      lock: SHARE"), text.out());

            SafetyFixture.Cli json = f.cli("migration:generate", "--check", "--format", "json",
                    "--config", f.properties(v2).toString());
            assertTrue(json.out().contains("""
                          "tableSize": {
                            "estimatedRows": 1200000,
                    """), json.out());
            assertTrue(json.out().contains("\"text\": \"orders: ~1.2M rows, "), json.out());
            assertEquals(1, json.out().split("\"tableSize\": \\{").length - 1, json.out());

            // the thresholds are the user's: above the table's rows and size, nothing is large
            SafetyFixture.Cli raised = f.cli("migration:generate", "--check", "--format", "json",
                    "--config", f.properties(v2, "large-table-rows=5M").toString());
            assertFalse(raised.out().contains("large-table"), raised.out());
            // ... and bytes alone decide too: 1 kB makes both tables large
            SafetyFixture.Cli bytes = f.cli("migration:generate", "--check", "--large-table-bytes", "1kB",
                    "--config", f.properties(v2, "large-table-rows=5M").toString());
            assertTrue(bytes.out().contains("large table: notes: ~12 rows, "), bytes.out());
            SafetyFixture.Cli bad = f.cli("migration:generate", "--check", "--large-table-bytes", "lots",
                    "--config", f.properties(v2).toString());
            assertEquals(2, bad.exitCode(), bad.out() + bad.err());
            assertTrue(bad.err().contains("large-table-bytes=lots is not a size"), bad.err());
        }
    }
}
