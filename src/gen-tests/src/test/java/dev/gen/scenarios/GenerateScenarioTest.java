package dev.gen.scenarios;

import static dev.gen.scenarios.Scenario.assertOneParagraph;
import static dev.gen.scenarios.Scenario.history;
import static dev.gen.scenarios.Scenario.tableExists;
import static dev.gen.scenarios.Scenario.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migration:generate as a user drives it: the whole cycle, filters, schemas, formats and the ways it says no. */
class GenerateScenarioTest {

    private static TestDatabase db;
    private static Path shop;
    private static Path both;

    @TempDir
    static Path classes;

    @TempDir
    Path work;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("scen_generate");
        shop = ShopModel.compile(classes.resolve("shop"), ShopModel.shop());
        Map<String, String> all = new HashMap<>(ShopModel.shop());
        all.putAll(ShopModel.other());
        both = ShopModel.compile(classes.resolve("both"), all);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private Cli cli(Path classpath, String schema, Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--schema", schema, "--classpath", classpath.toString(),
                "--dir", dir.toString()));
        args.addAll(List.of(more));
        return new Cli(db, args.toArray(String[]::new));
    }

    @Test
    void reservedWordsAndLongNamesThroughTheWholeCycle() throws Exception {
        Path dir = work.resolve("migrations");
        Cli cli = cli(shop, "s_words", dir);
        Cli.Result check = cli.run("migration:generate", "--check");
        assertEquals(1, check.exitCode(), check.toString());

        Cli.Result init = cli.run("migration:generate", "Init", "-t", Scenario.at(0));
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(init.out().contains("Wrote "), init.toString());
        assertEquals(1, tree(dir).size(), tree(dir).keySet().toString());

        Cli.Result run = cli.run("migration:run");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(tableExists(db, "s_words", "order"), "table \"order\"");
        assertTrue(tableExists(db, "s_words", ShopModel.LONG_TABLE));
        List<String> columns = Scenario.query(db, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 's_words' AND table_name = '" + ShopModel.LONG_TABLE + "' ORDER BY 1");
        assertTrue(columns.contains("group") && columns.contains(ShopModel.LONG_COLUMN.substring(0, 63)),
                columns.toString());

        Cli.Result again = cli.run("migration:generate", "Again");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("No changes"), again.toString());
        assertEquals(1, tree(dir).size());
        assertEquals(0, cli.run("migration:generate", "--check").exitCode());

        db.execute("INSERT INTO s_words.\"order\" (\"user\", \"select\") VALUES ('ada', 'x')");
        Cli.Result revert = cli.run("migration:revert");
        assertEquals(0, revert.exitCode(), revert.toString());
        assertFalse(tableExists(db, "s_words", "order"));
        assertFalse(tableExists(db, "s_words", ShopModel.LONG_TABLE));
        assertEquals(List.of(), history(db, "s_words", "gen_migrations"));
        Cli.Result rerun = cli.run("migration:run");
        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(cli.run("migration:generate", "Again").out().startsWith("No changes"));
    }

    @Test
    void sameTimestampGivesByteIdenticalFiles() {
        Path one = work.resolve("one");
        Path two = work.resolve("two");
        Cli.Result first = cli(shop, "s_det", one).run("migration:generate", "Init", "--timestamp", Scenario.at(5));
        Cli.Result second = cli(shop, "s_det", two).run("migration:generate", "Init", "--timestamp", Scenario.at(5),
                "--no-cache");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(tree(one), tree(two));
        assertEquals(1, tree(one).size());
        Cli.Result dry = cli(shop, "s_det", work.resolve("three")).run("migration:generate", "Init", "--dry-run",
                "--timestamp", Scenario.at(5));
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(tree(one).values().iterator().next(), dry.out(), "--dry-run prints exactly the file");
        assertFalse(Files.exists(work.resolve("three")), "--dry-run writes nothing");

        Cli.Result taken = cli(shop, "s_det", one).run("migration:generate", "Other", "--timestamp", Scenario.at(5),
                "--allow-pending"); // Init has not run: without the flag that is refused first
        assertEquals(2, taken.exitCode(), taken.toString());
        assertOneParagraph(taken);
        assertEquals(1, tree(one).size());
    }

    @Test
    void twoSchemas() {
        Map<String, String> sources = new HashMap<>();
        sources.put("com/acme/multi/Account.java", """
                package com.acme.multi;
                import jakarta.persistence.*;
                @Entity @Table(name = "account")
                public class Account { @Id Long id; String name; }
                """);
        sources.put("com/acme/multi/Invoice.java", """
                package com.acme.multi;
                import jakarta.persistence.*;
                @Entity @Table(name = "invoice", schema = "s_two_billing")
                public class Invoice {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
                    @ManyToOne Account account;
                    java.math.BigDecimal amount;
                }
                """);
        Path model = ShopModel.compile(work.resolve("multi"), sources);
        Path dir = work.resolve("migrations");
        Cli cli = cli(model, "s_two_app,s_two_billing", dir);
        Cli.Result init = cli.run("migration:generate", "Init");
        assertEquals(0, init.exitCode(), init.toString());
        Cli.Result run = cli.run("migration:run");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(tableExists(db, "s_two_app", "account"));
        assertTrue(tableExists(db, "s_two_billing", "invoice"));
        assertEquals(1, history(db, "s_two_app", "gen_migrations").size(), "history in the first schema");
        Cli.Result again = cli.run("migration:generate", "Again");
        assertTrue(again.out().startsWith("No changes"), again.toString());
        Cli.Result revert = cli.run("migration:revert");
        assertEquals(0, revert.exitCode(), revert.toString());
        assertFalse(tableExists(db, "s_two_billing", "invoice"));
        assertFalse(tableExists(db, "s_two_app", "account"));
    }

    @Test
    void packagesFilterAndExcludedTables() throws Exception {
        Path dir = work.resolve("migrations");
        Cli only = cli(both, "s_pkg", dir, "--packages", "com.acme.other");
        Cli.Result check = only.run("migration:generate", "--check");
        assertEquals(1, check.exitCode(), check.toString());
        assertTrue(check.out().contains("s_pkg.gadget") && check.out().contains("s_pkg.audit_entry"), check.toString());
        assertFalse(check.out().contains("order"), "--packages leaves the shop out: " + check);

        Cli.Result init = only.run("migration:generate", "Init", "--exclude-table", "audit_*");
        assertEquals(0, init.exitCode(), init.toString());
        assertEquals(0, only.run("migration:run").exitCode());
        assertTrue(tableExists(db, "s_pkg", "gadget"));
        assertFalse(tableExists(db, "s_pkg", "audit_entry"), "an excluded table is not created");

        // A table the application does not map, which gen must leave alone when told to.
        db.execute("CREATE TABLE s_pkg.legacy_log (id int, line text)");
        Cli.Result refused = only.run("migration:generate", "Next", "--exclude-table", "audit_*");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("legacy_log"), refused.toString());
        Cli.Result excluded = only.run("migration:generate", "Next", "--exclude-table", "audit_*",
                "--exclude-table", "legacy_*");
        assertEquals(0, excluded.exitCode(), excluded.toString());
        assertTrue(excluded.out().startsWith("No changes"), excluded.toString());
        assertEquals(1, tree(dir).size());
    }

    @Test
    void jsonCheckForContinuousIntegration() {
        Path dir = work.resolve("migrations");
        Cli cli = cli(shop, "s_json", dir, "--packages", "com.acme.shop");
        Cli.Result pending = cli.run("migration:generate", "--check", "--format", "json");
        assertEquals(1, pending.exitCode(), pending.toString());
        String json = pending.out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertTrue(json.contains("\"changes\"") && json.contains("create-table"), json);
        assertFalse(pending.out().contains("changes:\n"), "no text summary mixed into the JSON: " + pending);
        assertEquals(0, cli.run("migration:generate", "Init").exitCode());
        assertEquals(0, cli.run("migration:run").exitCode());
        Cli.Result none = cli.run("migration:generate", "--check", "--format", "json");
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.out().contains("\"changes\": []") || none.out().contains("\"changes\":[]"), none.toString());
        Cli.Result badFormat = cli.run("migration:generate", "--check", "--format", "yaml");
        assertEquals(2, badFormat.exitCode(), badFormat.toString());
    }

    @Test
    void invalidNamesAndUnwritableDirectoriesWriteNothing() throws Exception {
        Path dir = work.resolve("migrations");
        Cli cli = cli(shop, "s_bad", dir);
        for (String name : List.of("Bad-Name", "1Init", "Add User", "ÄÖ")) {
            Cli.Result result = cli.run("migration:generate", name);
            assertEquals(2, result.exitCode(), name + ": " + result);
            assertOneParagraph(result);
            assertFalse(Files.exists(dir), name + " wrote something");
        }
        Cli.Result missing = cli.run("migration:generate");
        assertEquals(2, missing.exitCode(), missing.toString());

        Path file = Files.writeString(work.resolve("not-a-directory"), "x");
        Cli.Result blocked = cli(shop, "s_bad", file.resolve("migrations")).run("migration:generate", "Init");
        assertEquals(2, blocked.exitCode(), blocked.toString());
        assertOneParagraph(blocked);
        assertEquals("x", Files.readString(file));
        Cli.Result created = cli(shop, "s_bad", file).run("migration:create", "Seed");
        assertEquals(2, created.exitCode(), created.toString());
        assertOneParagraph(created);
        assertEquals("x", Files.readString(file));
    }
}
