package dev.gen.e2e;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model whose default schema is not {@code public}, with a PostgreSQL enum type: the catalog and Hibernate print
 * the type unqualified, so the migration must run with the model's schemas on its search path, up and down.
 */
class NonPublicSchemaTest {

    private static final Map<String, String> SETTINGS = Map.of("hibernate.default_schema", "app");
    private static final String MOOD = """
            package desk;
            public enum Mood { CALM, BUSY, ON_FIRE }
            """;
    private static final String TICKET_V1 = """
            package desk;
            import jakarta.persistence.*;
            @Entity
            public class Ticket {
                @Id @GeneratedValue Long id;
                String title;
            }
            """;
    private static final String TICKET_V2 = """
            package desk;
            import jakarta.persistence.*;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.type.SqlTypes;
            @Entity
            public class Ticket {
                @Id @GeneratedValue Long id;
                String title;
                @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;
            }
            """;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path work;

    /**
     * Hibernate's own export creates such a type unqualified, so it lands in the connection's first search_path
     * schema (usually public) rather than in the default schema; gen creates it in the default schema, next to its
     * tables. The judge here is therefore Hibernate's validator and gen's own stability, not the export's catalog.
     */
    @Test
    void enumColumnAddedAndRevertedInAnotherSchema() throws Exception {
        java.nio.file.Path v1 = dev.gen.testing.EntityCompiler.compile(work.resolve("v1"),
                Map.of("desk/Mood.java", MOOD, "desk/Ticket.java", TICKET_V1));
        java.nio.file.Path v2 = dev.gen.testing.EntityCompiler.compile(work.resolve("v2"),
                Map.of("desk/Mood.java", MOOD, "desk/Ticket.java", TICKET_V2));
        java.nio.file.Path dir = work.resolve("migrations");
        try (dev.gen.testing.TestDatabase db = dev.gen.testing.TestDatabase.create("nonpublic")) {
            dev.gen.core.GenConfig atV1 = config(db, v1, dir);
            dev.gen.core.GenConfig atV2 = config(db, v2, dir);
            Generator.generate(atV1, GenerateRequest.write("Init").at(1_795_251_600_000L));
            Migrations.run(atV1, RunOptions.defaults());
            db.execute("INSERT INTO app.ticket (id, title) VALUES (1, 'printer')");

            GenerateResult added = Generator.generate(atV2, GenerateRequest.write("AddMood").at(1_795_251_700_000L));
            org.junit.jupiter.api.Assertions.assertTrue(added.source().contains("public String searchPath()"),
                    added.source());
            Migrations.run(atV2, RunOptions.defaults());
            dev.gen.testing.HibernateSchemaValidator.validate(java.util.List.of(v2), SETTINGS, db);
            org.junit.jupiter.api.Assertions.assertFalse(
                    Generator.generate(atV2, GenerateRequest.check()).hasChanges(), "no change after the migration");

            Migrations.revert(atV2, RunOptions.defaults(), 1);
            dev.gen.testing.HibernateSchemaValidator.validate(java.util.List.of(v1), SETTINGS, db);
            org.junit.jupiter.api.Assertions.assertFalse(
                    // the reverted migration is pending again, which is the point here
                    Generator.generate(atV1, GenerateRequest.check().allowingPending()).hasChanges(),
                    "no change after the revert");

            // the down of a drop re-creates the column with the type's unqualified name: it must resolve
            Migrations.run(atV2, RunOptions.defaults());
            GenerateResult dropped = Generator.generate(atV1,
                    GenerateRequest.write("DropMood").at(1_795_251_800_000L).allowingDestructive());
            org.junit.jupiter.api.Assertions.assertTrue(dropped.hasChanges());
            Migrations.run(atV1, RunOptions.defaults());
            Migrations.revert(atV1, RunOptions.defaults(), 1);
            dev.gen.testing.HibernateSchemaValidator.validate(java.util.List.of(v2), SETTINGS, db);
            org.junit.jupiter.api.Assertions.assertFalse(
                    Generator.generate(atV2, GenerateRequest.check().allowingPending()).hasChanges(),
                    "no change after reverting the drop");
        }
    }

    private static dev.gen.core.GenConfig config(dev.gen.testing.TestDatabase db, java.nio.file.Path classes,
            java.nio.file.Path dir) {
        return new dev.gen.core.GenConfig(db.jdbcUrl(), db.user(), db.password(), java.util.List.of("app"),
                java.util.List.of(classes), java.util.List.of(), dir, null, "gen_migrations", java.util.List.of(),
                SETTINGS, false, null);
    }
}
