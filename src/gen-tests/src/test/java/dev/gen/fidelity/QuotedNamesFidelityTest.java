package dev.gen.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen.core.GenerateRequest;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.FidelityHarness;
import dev.gen.testing.HibernateSchemaExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 11: a doubled quote inside a quoted name ({@code @Table(name = "\"we\"\"ird\"")}). Hibernate writes
 * the text between quotes as it is, in its DDL and in the application's statements, so PostgreSQL holds one quote:
 * {@code we"ird}. gen must create and compare that name. (Hibernate's own SchemaValidator looks the text up with
 * both quotes and rejects even Hibernate's export, so the validator is no judge here; the export and the
 * application's SQL are.)
 */
class QuotedNamesFidelityTest {

    private static FidelityHarness harness;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        harness = new FidelityHarness("quoted_names");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aDoubledQuoteIsTheNameHibernateUses() throws Exception {
        FidelityHarness.Model model = harness.model("doubled_quotes", Map.of("m/doubled/Weird.java", """
                package m.doubled;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "\\"we\\"\\"ird\\"")
                public class Weird {
                    @Id Long id;
                    @Column(name = "\\"say \\"\\"hi\\"\\"\\"") String greeting;
                }
                """));
        FidelityHarness.reset(harness.genDatabase());
        FidelityHarness.reset(harness.hibernateDatabase());
        HibernateSchemaExport.create(List.of(model.classes()), model.settings(), harness.hibernateDatabase());
        assertEquals(1, count("SELECT count(*) FROM pg_class WHERE relname = 'we\"ird'"),
                "Hibernate's export holds one quote");

        harness.assertNoChanges(model, harness.hibernateDatabase(), "adoption: nothing to drop or create");
        var config = harness.config(model, harness.genDatabase(), work.resolve("migrations"));
        Generator.generate(config, GenerateRequest.write("CreateWeird").at(1_700_000_000_000L));
        Migrations.run(config, RunOptions.defaults());
        CatalogSnapshot.of(harness.genDatabase()).assertEquals(CatalogSnapshot.of(harness.hibernateDatabase()),
                "gen's migration vs Hibernate's export");
        harness.assertNoChanges(model, harness.genDatabase(), "generate again");
    }

    private static long count(String sql) throws Exception {
        try (var connection = harness.hibernateDatabase().connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
