package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Must show 2: a NOT NULL field added with --backfill to a table with rows. */
class BackfillTest {

    private static String user(String pkg, String extra) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users")
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(length = 100) String nick;
                    %s
                }
                """.formatted(extra));
    }

    @Test
    void notNullColumnWithBackfillFillsEveryRow() {
        try (SafetyFixture f = SafetyFixture.create("backfill")) {
            Path v1 = f.entities(Map.of("b1/User.java", user("b1", "")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick) SELECT 'user' || g FROM generate_series(1, 500) g",
                    "CREATE TABLE legacy_audit (id integer, note text)", "INSERT INTO legacy_audit VALUES (1, 'kept')");
            f.excludeTables = List.of("legacy_*"); // managed elsewhere: neither dropped nor refused

            Path v2 = f.entities(Map.of("b2/User.java", user("b2",
                    "@Column(nullable = false, length = 20) String status;")));
            GenException refused = assertThrows(GenException.class,
                    () -> f.generate(v2, GenerateRequest.write("AddStatus").at(SafetyFixture.T0 + 1000)));
            assertEquals(3, refused.exitCode());
            assertTrue(refused.getMessage().contains("--backfill users.status=<SQL expression>"), refused.getMessage());

            GenerateResult result = f.generate(v2, GenerateRequest.write("AddStatus").at(SafetyFixture.T0 + 1000)
                    .withBackfills(Map.of("users.status", "'active'")));
            assertEquals(List.of(
                    "ALTER TABLE \"public\".\"users\" ADD COLUMN \"status\" varchar(20)",
                    "UPDATE \"public\".\"users\" SET \"status\" = 'active' WHERE \"status\" IS NULL",
                    "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"status\" SET NOT NULL"),
                    result.plan().upStatements());
            f.run(v2);
            assertEquals(500, f.number("SELECT count(*) FROM users WHERE status = 'active'"));
            assertEquals(0, f.number("SELECT count(*) FROM users WHERE status IS DISTINCT FROM 'active'"));
            assertEquals("true", f.string("SELECT attnotnull::text FROM pg_attribute"
                    + " WHERE attrelid = 'public.users'::regclass AND attname = 'status'"));
            assertTrue(!f.generate(v2, GenerateRequest.check()).hasChanges());
            assertEquals(List.of("kept"), f.strings("SELECT note FROM legacy_audit"));
            f.excludeTables = List.of();
            // --check reports the refused drop with the flag it needs (issue 9, item 13); writing refuses it
            GenerateResult check = f.generate(v2, GenerateRequest.check());
            assertEquals(1, check.refusals().size(), check.refusals().toString());
            assertTrue(check.refusals().get(0).reason().contains("drop table public.legacy_audit"));
            assertEquals("--allow-destructive", check.refusals().get(0).needs());
            GenException drop = assertThrows(GenException.class,
                    () -> f.generate(v2, GenerateRequest.write("DropAudit").at(SafetyFixture.T0 + 2000)));
            assertEquals(3, drop.exitCode());
            assertTrue(drop.getMessage().contains("drop table public.legacy_audit"), drop.getMessage());
        }
    }
}
