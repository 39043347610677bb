package dev.gen.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's seed file on an empty database: the example's migrations (core's and the application's) run, then the data goes in; the
 * application's own Hibernate then loads every seeded object and inserts new ones without an id collision. A second
 * run inserts nothing.
 */
class SeedExampleTest {

    @TempDir
    Path work;

    @Test
    void emptyDatabaseGetsTheMigrationsThenTheDataWhichTheApplicationReadsAndExtends() throws Exception {
        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_example")) {
            GenConfig config = SeedFixture.config(db, classes, SeedFixture.migrations(work));
            SeedResult result = Seeder.seed(config, SeedRequest.of(SeedFixture.EXAMPLE_SEED));

            assertEquals(3, result.migrations().applied().size(), "core's and the application's migrations run first");
            assertEquals(10, result.seeded().insertedCount(), result.seeded().inserted().toString());
            assertEquals(Map.of("store", 1L, "users", 2L, "category", 2L, "product", 2L, "product_categories", 3L,
                    "orders", 1L, "order_items", 2L), SeedFixture.counts(db));

            ClassLoader[] loader = new ClassLoader[1];
            try (SessionFactory app = SeedFixture.application(db, classes, loader)) {
                Class<?> user = loader[0].loadClass("com.example.core.User");
                Class<?> appUser = loader[0].loadClass("com.example.app.AppUser");
                Class<?> store = loader[0].loadClass("com.example.app.Store");
                Class<?> product = loader[0].loadClass("com.example.app.Product");
                Class<?> order = loader[0].loadClass("com.example.app.CustomerOrder");
                app.inTransaction(session -> {
                    List<?> users = session.createSelectionQuery("from User u order by u.email", user).getResultList();
                    assertEquals(2, users.size());
                    assertEquals(user, users.get(0).getClass(), "admin is a plain User (discriminator User)");
                    assertEquals(appUser, users.get(1).getClass(), "alice is an AppUser (discriminator AppUser)");
                    assertEquals("Prefers delivery after 6 pm.", call(users.get(1), "getAdditionalNotes"));
                    assertEquals("ADMIN", call(users.get(0), "getRole").toString());

                    Object mainStore = session.get(store, 1L);
                    assertNotNull(mainStore, "the store keeps its explicit id 1");
                    assertEquals("Springfield", call(call(mainStore, "getAddress"), "getCity"));

                    List<?> products = session.createSelectionQuery("from Product p order by p.sku", product)
                            .getResultList();
                    assertEquals(new BigDecimal("12.90"), call(products.get(0), "getPrice"));
                    assertEquals(2, ((Collection<?>) call(products.get(1), "getCategories")).size());
                    assertEquals(false, call(products.get(1), "isActive"));

                    Object paid = session.get(order, 1L);
                    assertEquals("PAID", call(paid, "getStatus").toString());
                    assertEquals(2, ((Collection<?>) call(paid, "getItems")).size());
                    assertEquals("alice@example.com", call(call(paid, "getCustomer"), "getEmail"));
                });

                // New rows from the application: generated ids must not collide with the seeded ones.
                app.inTransaction(session -> {
                    for (int i = 0; i < 25; i++) {
                        Object u = newInstance(appUser);
                        invoke(u, "setEmail", "new" + i + "@example.com");
                        invoke(u, "setPasswordHash", "x");
                        session.persist(u);
                    }
                    Object s = newInstance(store);
                    invoke(s, "setName", "Second Store");
                    session.persist(s);
                    Object o = newInstance(order);
                    invoke(o, "setCustomer", session.createSelectionQuery("from User u where u.email = 'admin@example.com'", user).getSingleResult());
                    session.persist(o);
                });
                assertEquals(27L, SeedFixture.counts(db).get("users"));
                assertEquals(2L, SeedFixture.counts(db).get("store"));
                assertEquals(2L, SeedFixture.counts(db).get("orders"));
            }
        }
    }

    @Test
    void secondRunSkipsWhatExistsAndRefusesWhenAsked() throws Exception {
        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_again")) {
            GenConfig config = SeedFixture.config(db, classes, SeedFixture.migrations(work));
            Seeder.seed(config, SeedRequest.of(SeedFixture.EXAMPLE_SEED));
            Map<String, Long> afterFirst = SeedFixture.counts(db);

            SeedResult again = Seeder.seed(config, SeedRequest.of(SeedFixture.EXAMPLE_SEED));
            assertEquals(0, again.seeded().insertedCount());
            assertEquals(10, again.seeded().skipped().size(), again.seeded().skipped().toString());
            assertEquals(afterFirst, SeedFixture.counts(db), "nothing duplicated");

            GenException refused = assertThrows(GenException.class, () -> Seeder.seed(config,
                    SeedRequest.of(SeedFixture.EXAMPLE_SEED).with(ExistingRows.REFUSE)));
            assertEquals(ExitCodes.SEED_REJECTED, refused.exitCode());
            assertTrue(refused.getMessage().contains("Store at $.Store[0]"), refused.getMessage());
            assertEquals(afterFirst, SeedFixture.counts(db));

            // A grown file: only the new product goes in, attached to the existing store and category by label.
            String grown = Files.readString(SeedFixture.EXAMPLE_SEED).replace("\"Product\": [", "\"Product\": [\n"
                    + "    { \"sku\": \"BK-002\", \"name\": \"A Sequel\", \"price\": 14, \"store\": {\"@ref\": \"mainStore\"},"
                    + " \"categories\": [{\"@ref\": \"books\"}] },\n"
                    + "    { \"sku\": \"BK-003\", \"name\": \"A Prequel\", \"price\": 9, \"store\": {\"id\": 1} },");
            Path file = work.resolve("grown.json");
            Files.writeString(file, grown);
            SeedResult third = Seeder.seed(config, SeedRequest.of(file));
            assertEquals(Map.of("Product", 2), third.seeded().inserted());
            assertEquals(afterFirst.get("product") + 2, SeedFixture.counts(db).get("product"));
            try (var c = db.connect(); var s = c.createStatement();
                    var r = s.executeQuery("SELECT store_id FROM product WHERE sku = 'BK-003'")) {
                r.next();
                assertEquals(1, r.getLong(1), "{\"id\": 1} refers to the existing store");
            }
            assertEquals(afterFirst.get("product_categories") + 1, SeedFixture.counts(db).get("product_categories"));
        }
    }

    @Test
    void refusesADatabaseThatDoesNotMatchTheEntities() throws Exception {
        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_stale")) {
            Path dir = SeedFixture.migrations(work);
            Files.delete(dir.resolve("V20261121103000__AddUserNotes.java"));
            Cli cli = new Cli(db, "--classpath", classes.toString(), "--dir", dir.toString());
            Cli.Result result = cli.run("seed", "--file", SeedFixture.EXAMPLE_SEED.toString());
            assertEquals(ExitCodes.PENDING_CHANGES, result.exitCode(), result.toString());
            assertTrue(result.err().contains("additional_notes"), result.toString());
            assertEquals(0, SeedFixture.total(db));
        }
    }

    @Test
    void commandLineSeedsAndPrintsWhatItDid() throws Exception {
        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_cli")) {
            Cli cli = new Cli(db, "--classpath", classes.toString(), "--dir", SeedFixture.migrations(work).toString());
            Cli.Result result = cli.run("seed", "--file", SeedFixture.EXAMPLE_SEED.toString());
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.out().contains("Applied V20261121090000__Init"), result.toString());
            assertTrue(result.out().contains("Seeded 10 objects"), result.toString());
            Cli.Result again = cli.run("seed", "--no-migrate", "--file", SeedFixture.EXAMPLE_SEED.toString());
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(again.out().contains("Seeded 0 objects; skipped 10"), again.toString());
        }
    }

    @Test
    void theMigrationLockIsHeldFromTheMigrationsToTheEndOfTheWork() throws Exception {
        Path classes = SeedFixture.classes(work);
        try (TestDatabase db = TestDatabase.create("seed_lock")) {
            GenConfig config = SeedFixture.config(db, classes, SeedFixture.migrations(work));
            String inside = dev.gen.core.Migrations.runThen(config, dev.gen.run.RunOptions.defaults(), true, applied -> {
                assertEquals(3, applied.applied().size(), "core's migration and the application's two");
                // Another runner (a second process would do the same) must wait for the lock and give up.
                assertThrows(dev.gen.run.LockTimeoutException.class, () -> dev.gen.core.Migrations.run(config,
                        dev.gen.run.RunOptions.defaults().withLockWait(java.time.Duration.ofMillis(300))));
                return "done";
            });
            assertEquals("done", inside);
            assertTrue(dev.gen.core.Migrations.run(config, dev.gen.run.RunOptions.defaults()).applied().isEmpty(),
                    "the lock is released afterwards");
        }
    }

    static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void invoke(Object target, String method, Object argument) {
        try {
            for (Method m : target.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 1) {
                    m.invoke(target, argument);
                    return;
                }
            }
            throw new IllegalStateException("no " + method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
