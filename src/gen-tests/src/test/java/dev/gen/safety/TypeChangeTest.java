package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.run.MigrationFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Must show 3: lengthening keeps data in one ALTER; shortening is refused, and when allowed checks first. */
class TypeChangeTest {

    private static String user(String pkg, int length, String countType) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users")
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(length = %d) String nick;
                    @Column(columnDefinition = "%s") String visits;
                }
                """.formatted(length, countType));
    }

    @Test
    void lengtheningIsOneAlterAndShorteningChecksTheRowsFirst() {
        try (SafetyFixture f = SafetyFixture.create("types")) {
            Path v1 = f.entities(Map.of("c1/User.java", user("c1", 20, "varchar(10)")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick, visits) VALUES ('short', '1'), ('a-nick-of-15-ch', '22')");

            // lengthening: one statement, data kept
            Path v2 = f.entities(Map.of("c2/User.java", user("c2", 40, "varchar(10)")));
            GenerateResult longer = f.generate(v2, GenerateRequest.write("LongerNick").at(SafetyFixture.T0 + 1000));
            assertEquals(List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" TYPE varchar(40)"),
                    longer.plan().upStatements());
            assertTrue(longer.plan().steps().get(0).hazards().isEmpty(), longer.plan().steps().toString());
            f.run(v2);
            assertEquals("character varying(40)", f.columnType("users", "nick"));
            assertEquals(List.of("short", "a-nick-of-15-ch"), f.strings("SELECT nick FROM users ORDER BY id"));

            // shortening below the longest value: refused without --allow-destructive
            Path v3 = f.entities(Map.of("c3/User.java", user("c3", 10, "varchar(10)")));
            GenException refused = assertThrows(GenException.class,
                    () -> f.generate(v3, GenerateRequest.write("ShorterNick").at(SafetyFixture.T0 + 2000)));
            assertEquals(3, refused.exitCode());
            assertTrue(refused.getMessage().contains("narrow public.users.nick"), refused.getMessage());

            // allowed: the migration counts the rows that do not fit and stops before changing anything
            GenerateResult shorter = f.generate(v3, GenerateRequest.write("ShorterNick").at(SafetyFixture.T0 + 2000)
                    .allowingDestructive());
            List<String> up = shorter.plan().upStatements();
            assertEquals(2, up.size(), up.toString());
            assertTrue(up.get(0).startsWith("DO $gen$") && up.get(0).contains("char_length(\"nick\") > 10"),
                    up.get(0));
            MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> f.run(v3));
            assertTrue(failed.getMessage().contains("gen: 1 row(s) of public.users.nick do not fit"),
                    failed.getMessage());
            assertEquals("character varying(40)", f.columnType("users", "nick"));
            assertEquals(List.of("short", "a-nick-of-15-ch"), f.strings("SELECT nick FROM users ORDER BY id"));
        }
    }

    @Test
    void conversionsUseUsingAndIntegerNarrowingChecksTheRange() {
        try (SafetyFixture f = SafetyFixture.create("convert")) {
            Path v1 = f.entities(Map.of("d1/User.java", user("d1", 20, "varchar(10)")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick, visits) VALUES ('a', '1'), ('b', '22')");

            Path v2 = f.entities(Map.of("d2/User.java", user("d2", 20, "bigint")));
            GenerateResult converted = f.generate(v2, GenerateRequest.write("VisitsAsNumber")
                    .at(SafetyFixture.T0 + 1000));
            assertEquals(List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"visits\" TYPE bigint"
                    + " USING \"visits\"::bigint"), converted.plan().upStatements());
            f.run(v2);
            assertEquals(List.of("1", "22"), f.strings("SELECT visits FROM users ORDER BY id"));

            f.execute("UPDATE users SET visits = 5000000000 WHERE nick = 'b'");
            Path v3 = f.entities(Map.of("d3/User.java", user("d3", 20, "integer")));
            GenerateResult narrowed = f.generate(v3, GenerateRequest.write("VisitsAsInt")
                    .at(SafetyFixture.T0 + 2000).allowingDestructive());
            assertTrue(narrowed.plan().upStatements().get(0).contains("\"visits\" NOT BETWEEN -2147483648 AND 2147483647"),
                    narrowed.plan().upStatements().toString());
            MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> f.run(v3));
            assertTrue(failed.getMessage().contains("gen: 1 row(s) of public.users.visits do not fit"),
                    failed.getMessage());
            assertEquals("bigint", f.columnType("users", "visits"));
        }
    }
}
