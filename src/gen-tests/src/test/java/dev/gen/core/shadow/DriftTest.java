package dev.gen.core.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.Cli;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migration:drift}: a hotfix made by hand on the target (an index, a widened column, a dropped unique
 * constraint, and the entities changed to match) is found, and {@code --adopt} records it in the history with
 * nothing on the target changed but one history row.
 */
class DriftTest {

    private static final String ADOPT_TIMESTAMP = "1795260600000"; // 2026-11-21 11:30:00 UTC
    private static final String ADOPTED = "V20261121113000__Hotfix";
    private static final String ROWS = "SELECT string_agg(id || ':' || email || ':' || coalesce(first_name, ''), ','"
            + " ORDER BY id) FROM users";

    @TempDir
    Path work;

    @Test
    void driftFindsTheHotfixAndAdoptRecordsItWithoutTouchingTheTarget() throws Exception {
        Path before = ExampleModel.compile(work.resolve("before"));
        Path after = ExampleModel.compile(work.resolve("after"), "com/example/core/User.java", text -> text
                .replace("@Column(nullable = false, unique = true, length = 320)", "@Column(nullable = false, length = 500)")
                .replace("indexes = @Index(name = \"idx_users_last_name\", columnList = \"last_name, first_name\")",
                        "indexes = {@Index(name = \"idx_users_last_name\", columnList = \"last_name, first_name\"),"
                                + " @Index(name = \"idx_users_first_name\", columnList = \"first_name\")}"));
        Path dir = ShadowFixture.exampleMigrations(work.resolve("migrations"), ShadowFixture.INIT, ShadowFixture.NOTES);
        try (TestDatabase target = TestDatabase.create("drift_target")) {
            Cli cli = new Cli(target, "--classpath", after.toString(), "--dir", dir.toString());
            assertEquals(0, new Cli(target, "--classpath", before.toString(), "--dir", dir.toString())
                    .run("migration:run").exitCode());
            target.execute("INSERT INTO users (dtype, id, email, first_name, password_hash, role, created_at) VALUES"
                    + " ('AppUser', 1, 'ada@example.com', 'Ada', 'x', 'ADMIN', now()),"
                    + " ('AppUser', 2, 'grace@example.com', 'Grace', 'y', 'CUSTOMER', now())");
            Cli.Result clean = cli.run("migration:drift");
            assertEquals(0, clean.exitCode(), clean.toString());
            assertTrue(clean.out().startsWith("No drift"), clean.toString());

            String unique = ShadowFixture.strings(target, "SELECT conname FROM pg_constraint WHERE conrelid ="
                    + " 'public.users'::regclass AND contype = 'u'").get(0);
            target.execute("CREATE INDEX idx_users_first_name ON users (first_name)",
                    "ALTER TABLE users ALTER COLUMN email TYPE varchar(500)",
                    "ALTER TABLE users DROP CONSTRAINT \"" + unique + "\"");

            Cli.Result drift = cli.run("migration:drift");
            assertEquals(1, drift.exitCode(), drift.toString());
            assertTrue(drift.out().contains("3 changes:"), drift.toString());
            assertTrue(drift.out().contains("create index idx_users_first_name on public.users"), drift.toString());
            assertTrue(drift.out().contains("change type of public.users.email from character varying(320) to"
                    + " character varying(500)"), drift.toString());
            assertTrue(drift.out().contains("drop unique constraint " + unique + " on public.users"), drift.toString());

            Cli.Result json = cli.run("migration:drift", "--format", "json");
            assertEquals(1, json.exitCode(), json.toString());
            String document = json.out().replaceAll("\\s+", " ");
            assertTrue(document.contains("\"drift\": true"), document);
            assertTrue(document.contains("\"kind\": \"create-index\""), document);
            assertTrue(document.contains("\"kind\": \"alter-column-type\""), document);
            assertTrue(document.contains("\"kind\": \"drop-unique-key\", \"table\": \"public.users\""), document);

            CatalogSnapshot catalog = CatalogSnapshot.of(target);
            String rows = ShadowFixture.strings(target, ROWS).get(0);

            Cli.Result refused = cli.run("migration:drift", "--adopt", "Hotfix", "--timestamp", ADOPT_TIMESTAMP);
            assertEquals(3, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains(unique) && refused.err().contains("--allow-destructive"), refused.toString());
            assertEquals(3, files(dir), "nothing written when refused (core's migration and the application's two)");
            assertEquals(List.of("3"), ShadowFixture.strings(target, "SELECT count(*) FROM gen_migrations"));

            Cli.Result adopted = cli.run("migration:drift", "--adopt", "Hotfix", "--allow-destructive", "--timestamp",
                    ADOPT_TIMESTAMP);
            assertEquals(0, adopted.exitCode(), adopted.toString());
            assertTrue(Files.isRegularFile(dir.resolve(ADOPTED + ".java")), adopted.toString());
            assertEquals(List.of("20261101090000", "20261121090000", "20261121103000", "20261121113000"),
                    ShadowFixture.strings(target, "SELECT version FROM gen_migrations ORDER BY version"));
            catalog.assertEquals(CatalogSnapshot.of(target), "the target's schema after adopting");
            assertEquals(rows, ShadowFixture.strings(target, ROWS).get(0), "the target's data after adopting");

            Cli.Result again = cli.run("migration:drift");
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(again.out().startsWith("No drift: the target is what its 4 applied migrations build."),
                    again.toString());
            Cli.Result verify = cli.run("migration:verify", ADOPTED);
            assertEquals(0, verify.exitCode(), verify.toString());
            assertTrue(verify.out().contains("generate  ok"), verify.toString());
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target), "no shadow database is left");
        }
    }

    private static long files(Path dir) throws java.io.IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }
}
