package dev.gen.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that takes more object locks than the server's lock table holds (an Init of a few thousand tables on a
 * default server) fails with "out of shared memory". The failure must say what filled the table and the two ways
 * out, and leave nothing behind. It runs on the embedded server, whose lock table no other test shares.
 */
class LockTableFullTest {

    @TempDir
    Path work;

    @Test
    void aMigrationThatFillsTheLockTableSaysWhyAndHowToSplitIt() throws Exception {
        try (TestDatabase db = TestDatabase.createEmbedded("scen_locks")) {
            Path dir = work.resolve("migrations");
            Cli cli = new Cli(db, "--dir", dir.toString());
            Cli.Result created = cli.run("migration:create", "ManyTables", "--timestamp", Scenario.at(0));
            assertEquals(0, created.exitCode(), created.toString());
            Path file = Path.of(created.out().strip().substring("Wrote ".length()));
            // one statement that creates tables until the lock table is full: each holds the lock on its table and
            // on its primary key's index until the migration commits
            String body = "ctx.execute(\"DO $$BEGIN FOR i IN 1..200000 LOOP"
                    + " EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY)', 'lk' || i); END LOOP; END$$\");";
            String text = Files.readString(file);
            int hint = text.indexOf(Scenario.HINT);
            assertTrue(hint >= 0, text);
            Files.writeString(file, text.substring(0, hint) + body + text.substring(hint + Scenario.HINT.length()));

            Cli.Result run = cli.run("migration:run");
            assertEquals(7, run.exitCode(), run.toString());
            assertTrue(run.err().contains("out of shared memory"), run.toString());
            assertTrue(run.err().contains("The server's lock table is full")
                    && run.err().contains("max_locks_per_transaction") && run.err().contains("--packages"),
                    run.toString());
            assertEquals(List.of("0"), Scenario.query(db,
                    "SELECT count(*) FROM pg_class WHERE relname LIKE 'lk%' AND relkind = 'r'"));
            if (Scenario.tableExists(db, "public", "gen_migrations")) {
                assertEquals(List.of("0"), Scenario.query(db, "SELECT count(*) FROM public.gen_migrations"));
            }
        }
    }
}
