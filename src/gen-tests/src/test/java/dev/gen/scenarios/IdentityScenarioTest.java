package dev.gen.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An assigned id becomes an identity on a table that already has rows: the migration must move the identity's
 * sequence past the existing ids, or the first insert that takes a generated id collides with row 1.
 */
class IdentityScenarioTest {

    @TempDir
    Path work;

    private static Map<String, String> ticket(String idAnnotations) {
        return Map.of("t/Ticket.java", """
                package t;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "ticket")
                public class Ticket {
                    @Id %s
                    private Long id;
                    private String title;
                }
                """.formatted(idAnnotations));
    }

    @Test
    void anIdentityAddedToAPopulatedTableContinuesAfterTheLargestId() {
        try (TestDatabase db = TestDatabase.create("scen_identity")) {
            Path assigned = EntityCompiler.compile(work.resolve("v1"), ticket(""));
            Path identity = EntityCompiler.compile(work.resolve("v2"),
                    ticket("@GeneratedValue(strategy = GenerationType.IDENTITY)"));
            Path dir = work.resolve("migrations");

            Cli v1 = new Cli(db, "--classpath", assigned.toString(), "--dir", dir.toString());
            assertEquals(0, v1.run("migration:generate", "Init", "-t", Scenario.at(0)).exitCode());
            assertEquals(0, v1.run("migration:run").exitCode());
            db.execute("INSERT INTO ticket (id, title) VALUES (1, 'a'), (7, 'b'), (41, 'c')");

            Cli v2 = new Cli(db, "--classpath", identity.toString(), "--dir", dir.toString());
            Cli.Result generated = v2.run("migration:generate", "IdentityIds", "-t", Scenario.at(1));
            assertEquals(0, generated.exitCode(), generated.toString());
            Cli.Result run = v2.run("migration:run");
            assertEquals(0, run.exitCode(), run.toString());

            db.execute("INSERT INTO ticket (title) VALUES ('d')");
            assertEquals(List.of("42"), Scenario.query(db, "SELECT id FROM ticket WHERE title = 'd'"));
            assertTrue(v2.run("migration:generate", "Again").out().startsWith("No changes"));

            // down and up again: the identity goes, comes back, and still continues after the largest id
            assertEquals(0, v2.run("migration:revert").exitCode());
            assertEquals(0, v2.run("migration:run").exitCode());
            db.execute("INSERT INTO ticket (title) VALUES ('e')");
            assertEquals(List.of("43"), Scenario.query(db, "SELECT id FROM ticket WHERE title = 'e'"));
        }
    }

    @Test
    void anEmptyTableKeepsTheIdentitysStart() {
        try (TestDatabase db = TestDatabase.create("scen_identity_empty")) {
            Path dir = work.resolve("migrations");
            Cli v1 = new Cli(db, "--classpath", EntityCompiler.compile(work.resolve("v1"), ticket("")).toString(),
                    "--dir", dir.toString());
            assertEquals(0, v1.run("migration:generate", "Init", "-t", Scenario.at(0)).exitCode());
            assertEquals(0, v1.run("migration:run").exitCode());
            Cli v2 = new Cli(db, "--classpath", EntityCompiler.compile(work.resolve("v2"),
                    ticket("@GeneratedValue(strategy = GenerationType.IDENTITY)")).toString(), "--dir", dir.toString());
            assertEquals(0, v2.run("migration:generate", "IdentityIds", "-t", Scenario.at(1)).exitCode());
            assertEquals(0, v2.run("migration:run").exitCode());
            db.execute("INSERT INTO ticket (title) VALUES ('first')");
            assertEquals(List.of("1"), Scenario.query(db, "SELECT id FROM ticket"));
        }
    }
}
