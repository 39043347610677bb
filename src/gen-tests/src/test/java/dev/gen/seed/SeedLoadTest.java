package dev.gen.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,101 objects of the example model (users, categories, products with categories, orders with nested items) load
 * in seconds; the figure printed here is the one in BENCHMARKS.md.
 */
class SeedLoadTest {

    @TempDir
    Path work;

    @Test
    void tenThousandObjectsLoadInSeconds() throws Exception {
        StringBuilder json = new StringBuilder("{\n\"Store\": [{\"@id\": \"store\", \"name\": \"Bulk\"}],\n");
        json.append("\"Category\": [");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("{\"@id\": \"c").append(i).append("\", \"name\": \"Category ")
                    .append(i).append("\"}");
        }
        json.append("],\n\"AppUser\": [");
        for (int i = 0; i < 3000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"@id\": \"u").append(i).append("\", \"email\": \"user").append(i)
                    .append("@example.com\", \"passwordHash\": \"x\", \"role\": \"CUSTOMER\", \"additionalNotes\":"
                            + " \"n\"}");
        }
        json.append("],\n\"Product\": [");
        for (int i = 0; i < 4000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"@id\": \"p").append(i).append("\", \"sku\": \"SKU-").append(i)
                    .append("\", \"name\": \"Product ").append(i).append("\", \"price\": \"").append(i % 100)
                    .append(".99\", \"store\": {\"@ref\": \"store\"}, \"categories\": [{\"@ref\": \"c")
                    .append(i % 100).append("\"}, {\"@ref\": \"c").append((i + 1) % 100).append("\"}]}");
        }
        json.append("],\n\"CustomerOrder\": [");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"customer\": {\"@ref\": \"u").append(i).append("\"}, \"store\":"
                    + " {\"@ref\": \"store\"}, \"status\": \"NEW\", \"placedAt\": \"2026-11-21T10:00:00Z\","
                    + " \"items\": [{\"product\": {\"@ref\": \"p").append(i).append("\"}, \"quantity\": 1,"
                    + " \"unitPrice\": 1.5}, {\"product\": {\"@ref\": \"p").append(i + 1).append("\"}, \"quantity\": 2,"
                    + " \"unitPrice\": \"2.50\"}]}");
        }
        json.append("]\n}\n");
        Path file = work.resolve("bulk.json");
        Files.writeString(file, json);

        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_load")) {
            GenConfig config = SeedFixture.config(db, classes, SeedFixture.migrations(work));
            long start = System.nanoTime();
            SeedResult result = Seeder.seed(config, SeedRequest.of(file));
            long totalMs = (System.nanoTime() - start) / 1_000_000;
            int objects = 1 + 100 + 3000 + 4000 + 1000 + 2000;
            assertEquals(objects, result.seeded().insertedCount());
            assertEquals(3000L, SeedFixture.counts(db).get("users"));
            assertEquals(8000L, SeedFixture.counts(db).get("product_categories"));
            assertEquals(2000L, SeedFixture.counts(db).get("order_items"));
            System.out.println("seed-load: objects=" + objects + " load-ms=" + result.seeded().elapsed().toMillis()
                    + " phases=" + result.seeded().phases() + " total-ms=" + totalMs + " (total: scan, Hibernate boot, migrations, up-to-date check, load)");
            assertTrue(result.seeded().elapsed().toSeconds() < 60, "took " + result.seeded().elapsed());
        }
    }
}
