package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 12: making an existing column NOT NULL is guarded by its NULL rows, {@code --backfill} fills them
 * first, and a backfill no change uses is a usage error.
 */
class SetNotNullTest {

    @TempDir
    Path work;

    private static Map<String, String> user(String pkg, boolean nickRequired) {
        return Map.of(pkg + "/User.java", SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users")
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(length = 100, nullable = %s) String nick;
                }
                """.formatted(!nickRequired)));
    }

    @Test
    void nullRowsRefuseSetNotNullUntilBackfilled() {
        try (SafetyFixture f = SafetyFixture.create("set_not_null", work)) {
            Path v1 = f.entities(user("n1", false));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick) VALUES ('ann'), (NULL), (NULL)");

            Path v2 = f.entities(user("n2", true));
            GenException refused = assertThrows(GenException.class,
                    () -> f.generate(v2, GenerateRequest.write("RequireNick").at(SafetyFixture.T0 + 1000)));
            assertEquals(3, refused.exitCode(), refused.getMessage());
            assertTrue(refused.getMessage().contains("n2.User.nick") && refused.getMessage().contains("2 rows hold NULL")
                    && refused.getMessage().contains("--backfill users.nick="), refused.getMessage());

            GenException unused = assertThrows(GenException.class, () -> f.generate(v2,
                    GenerateRequest.write("RequireNick").at(SafetyFixture.T0 + 1000)
                            .withBackfills(Map.of("users.nickname", "'x'"))));
            assertEquals(2, unused.exitCode(), unused.getMessage());
            assertTrue(unused.getMessage().contains("--backfill users.nickname='x' applies to no change"),
                    unused.getMessage());

            GenerateResult result = f.generate(v2, GenerateRequest.write("RequireNick").at(SafetyFixture.T0 + 1000)
                    .withBackfills(Map.of("users.nick", "'anonymous'")));
            assertEquals(List.of(
                    "UPDATE \"public\".\"users\" SET \"nick\" = 'anonymous' WHERE \"nick\" IS NULL",
                    "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" SET NOT NULL"),
                    result.plan().upStatements());
            f.run(v2);
            assertEquals(2, f.number("SELECT count(*) FROM users WHERE nick = 'anonymous'"));
            assertFalse(f.generate(v2, GenerateRequest.check()).hasChanges());
        }
    }

    @Test
    void noNullRowsNeedNoBackfill() {
        try (SafetyFixture f = SafetyFixture.create("set_not_null_clean", work)) {
            Path v1 = f.entities(user("n3", false));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick) VALUES ('ann')");
            Path v2 = f.entities(user("n4", true));
            assertTrue(f.generate(v2, GenerateRequest.check()).hasChanges());
        }
    }

    @Test
    void aBackfillForANewTableIsAUsageError() {
        try (SafetyFixture f = SafetyFixture.create("set_not_null_unused", work)) {
            Path v1 = f.entities(user("n5", true));
            GenException unused = assertThrows(GenException.class, () -> f.generate(v1,
                    GenerateRequest.check().withBackfills(Map.of("users.nick", "'x'"))));
            assertEquals(2, unused.exitCode(), unused.getMessage());
        }
    }

    @Test
    void aSingleTableSubclassColumnIsBackfilledBeforeItsCheck() {
        try (SafetyFixture f = SafetyFixture.create("set_not_null_single", work)) {
            Path v1 = f.entities(vehicles("st1", ""));
            f.generate(v1, GenerateRequest.write("CreateVehicles").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO vehicle (id, dtype) VALUES (1, 'Truck'), (2, 'Vehicle')");
            Path v2 = f.entities(vehicles("st2", "@Basic(optional = false) Integer axles;"));
            GenException refused = assertThrows(GenException.class,
                    () -> f.generate(v2, GenerateRequest.write("AddAxles").at(SafetyFixture.T0 + 1000)));
            assertEquals(3, refused.exitCode(), refused.getMessage());
            GenerateResult result = f.generate(v2, GenerateRequest.write("AddAxles").at(SafetyFixture.T0 + 1000)
                    .withBackfills(Map.of("vehicle.axles", "2")));
            List<String> up = result.plan().upStatements();
            int fill = indexOf(up, "UPDATE");
            int check = indexOf(up, "CHECK");
            assertTrue(fill >= 0 && check > fill, up.toString());
            f.run(v2);
            assertEquals(1, f.number("SELECT count(*) FROM vehicle WHERE dtype = 'Truck' AND axles = 2"));
            assertFalse(f.generate(v2, GenerateRequest.check()).hasChanges());
        }
    }

    private static int indexOf(List<String> statements, String word) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).contains(word)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> vehicles(String pkg, String truckField) {
        return Map.of(pkg + "/Vehicle.java", SafetyFixture.entity(pkg, """
                @Entity
                @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                public class Vehicle {
                    @Id Long id;
                }
                """), pkg + "/Truck.java", SafetyFixture.entity(pkg, """
                @Entity
                public class Truck extends Vehicle {
                    %s
                }
                """.formatted(truckField)));
    }
}
