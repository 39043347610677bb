package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.HibernateSchemaExport;
import dev.gen.testing.HibernateSchemaValidator;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of the README, through the command line, on the example model: generate the initial
 * schema, run it, extend the library's User, generate and run again, revert; and the refusals on the way.
 * Hibernate itself is the judge: its validator, and the catalog its own schema export creates.
 */
class ExampleWorkflowTest {

    @TempDir
    Path work;

    @Test
    void committedExampleMigrationsBuildWhatHibernateExports() throws IOException {
        try (TestDatabase db = TestDatabase.create("example_committed");
                TestDatabase export = TestDatabase.create("example_export")) {
            committedMigrationsBuildWhatHibernateExports(work, db, export);
        }
    }

    /**
     * The committed migrations, run on {@code db} as the application runs them (its own directory, then core's
     * package from core's compiled classes), give the catalog Hibernate's export gives {@code export}.
     */
    static void committedMigrationsBuildWhatHibernateExports(Path work, TestDatabase db, TestDatabase export)
            throws IOException {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path dir = work.resolve("migrations");
        copyTree(ExampleModel.APP_MIGRATIONS, dir);
        Path coreJar = EntityCompiler.compileTree(work.resolve("core-jar"), ExampleModel.SOURCES.get(0));
        Cli cli = new Cli(db, "--classpath", classes.toString(), "--dir", dir.toString(), "--locations",
                dir.toString(), "--locations", "classpath:" + ExampleModel.CORE_MIGRATIONS_PACKAGE,
                "--migrations-classpath", coreJar.toString());

        Cli.Result run = cli.run("migration:run");
        assertEquals(0, run.exitCode(), run.toString());
        HibernateSchemaValidator.validate(List.of(classes), Map.of(), db);
        HibernateSchemaExport.create(List.of(classes), Map.of(), export);
        CatalogSnapshot.of(db).assertEquals(CatalogSnapshot.of(export), "gen's migrations vs Hibernate's export");

        Cli.Result again = cli.run("migration:generate", "Again");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("No changes"), again.toString());
        assertEquals(2, countFiles(dir), "generate with no changes must write nothing");
        assertEquals(0, cli.run("migration:generate", "--check").exitCode());
    }

    @Test
    void extendUserThenRevert() throws IOException {
        Path v1 = ExampleModel.compileWithoutNotes(work.resolve("v1"));
        Path v2 = ExampleModel.compile(work.resolve("v2"));
        Path dir = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("example_flow")) {
            Cli atV1 = new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString());
            Cli atV2 = new Cli(db, "--classpath", v2.toString(), "--dir", dir.toString());

            Cli.Result init = atV1.run("migration:generate", "Init", "--timestamp", "1795251600000");
            assertEquals(0, init.exitCode(), init.toString());
            assertEquals(0, atV1.run("migration:run").exitCode());
            db.execute("INSERT INTO users (dtype, id, email, password_hash, role, created_at)"
                    + " VALUES ('AppUser', 1, 'ada@example.com', 'x', 'ADMIN', now())");
            CatalogSnapshot beforeNotes = CatalogSnapshot.of(db);

            Cli.Result notes = atV2.run("migration:generate", "AddUserNotes", "--timestamp", "1795257000000");
            assertEquals(0, notes.exitCode(), notes.toString());
            String source = Files.readString(dir.resolve("V20261121103000__AddUserNotes.java"));
            assertEquals(1, occurrences(source, "ctx.execute("), "one statement up, one down:\n" + source);
            assertTrue(source.contains("ALTER TABLE \"public\".\"users\" ADD COLUMN \"additional_notes\" varchar(2000)"), source);
            assertTrue(source.contains("ALTER TABLE \"public\".\"users\" DROP COLUMN \"additional_notes\\\"\"\"\""), source);

            Cli.Result pending = atV2.run("migration:show");
            assertTrue(pending.out().contains("[X] V20261121090000__Init"), pending.toString());
            assertTrue(pending.out().contains("[ ] V20261121103000__AddUserNotes  pending"), pending.toString());

            // generating on top of a migration the database has not run would repeat it: refused, naming it
            Cli.Result beforeRun = atV2.run("migration:generate", "--check");
            assertEquals(6, beforeRun.exitCode(), beforeRun.toString());
            assertTrue(beforeRun.err().contains("1 migration in") && beforeRun.err().contains("has not run on this database")
                    && beforeRun.err().contains("V20261121103000__AddUserNotes")
                    && beforeRun.err().contains("migration:run first"), beforeRun.toString());
            Cli.Result anyway = atV2.run("migration:generate", "--check", "--allow-pending");
            assertEquals(1, anyway.exitCode(), anyway.toString());
            assertTrue(anyway.err().contains("warning") && anyway.err().contains("has not run on this database"),
                    anyway.toString());

            assertEquals(0, atV2.run("migration:run").exitCode());
            HibernateSchemaValidator.validate(List.of(v2), Map.of(), db);
            assertTrue(atV2.run("migration:generate", "Again").out().startsWith("No changes"));

            Cli.Result revert = atV2.run("migration:revert");
            assertEquals(0, revert.exitCode(), revert.toString());
            assertTrue(revert.out().contains("Reverted V20261121103000__AddUserNotes"), revert.toString());
            CatalogSnapshot.of(db).assertEquals(beforeNotes, "after revert vs before the migration");
            Cli.Result shown = atV2.run("migration:show");
            assertTrue(shown.out().contains("[ ] V20261121103000__AddUserNotes  pending"), shown.toString());
        }
    }

    @Test
    void notNullFieldWithoutDefaultIsRefusedWithTheFieldNamed() {
        Path v1 = ExampleModel.compile(work.resolve("v1"));
        Path boxed = ExampleModel.compileWithField(work.resolve("boxed"),
                "    @Column(name = \"loyalty_tier\", nullable = false, length = 10)\n    private String loyaltyTier;");
        Path primitive = ExampleModel.compileWithField(work.resolve("primitive"), "    private int loyaltyPoints;");
        Path dir = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("example_notnull")) {
            assertEquals(0, new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString())
                    .run("migration:generate", "Init").exitCode());
            assertEquals(0, new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString())
                    .run("migration:run").exitCode());

            Cli.Result refused = new Cli(db, "--classpath", boxed.toString(), "--dir", dir.toString())
                    .run("migration:generate", "AddTier");
            assertEquals(3, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("com.example.app.AppUser.loyaltyTier"), refused.toString());
            assertTrue(refused.err().contains("users.loyalty_tier"), refused.toString());
            assertTrue(refused.err().contains("@ColumnDefault"), refused.toString());

            Cli.Result primitiveRefused = new Cli(db, "--classpath", primitive.toString(), "--dir", dir.toString())
                    .run("migration:generate", "AddPoints");
            assertEquals(3, primitiveRefused.exitCode(), primitiveRefused.toString());
            assertTrue(primitiveRefused.err().contains("primitive"), primitiveRefused.toString());
            assertEquals(1, countFiles(dir), "a refused generate writes no file");
        }
    }

    @Test
    void requiredFieldOfTheSingleTableSubclassIsRefusedToo() {
        Path v1 = ExampleModel.compile(work.resolve("v1"));
        Path required = ExampleModel.compileWithField(work.resolve("required"),
                "    @jakarta.persistence.Basic(optional = false)\n    @Column(name = \"nickname\", length = 40)\n"
                        + "    private String nickname;");
        Path dir = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("example_subclass")) {
            Cli atV1 = new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString());
            assertEquals(0, atV1.run("migration:generate", "Init").exitCode());
            assertEquals(0, atV1.run("migration:run").exitCode());
            Cli.Result refused = new Cli(db, "--classpath", required.toString(), "--dir", dir.toString())
                    .run("migration:generate", "AddNickname");
            assertEquals(3, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("com.example.app.AppUser.nickname"), refused.toString());
            assertTrue(refused.err().contains("SINGLE_TABLE"), refused.toString());
        }
    }

    @Test
    void removingAFieldNeedsAllowDestructive() throws IOException {
        Path v1 = ExampleModel.compile(work.resolve("v1"));
        Path withoutNotes = ExampleModel.compileWithoutNotes(work.resolve("v2"));
        Path dir = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("example_drop")) {
            Cli atV1 = new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString());
            assertEquals(0, atV1.run("migration:generate", "Init").exitCode());
            assertEquals(0, atV1.run("migration:run").exitCode());

            Cli atV2 = new Cli(db, "--classpath", withoutNotes.toString(), "--dir", dir.toString());
            Cli.Result refused = atV2.run("migration:generate", "DropNotes");
            assertEquals(3, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("drop column public.users.additional_notes"), refused.toString());
            assertTrue(refused.err().contains("--allow-destructive"), refused.toString());
            assertEquals(1, countFiles(dir));

            Cli.Result allowed = atV2.run("migration:generate", "DropNotes", "--allow-destructive");
            assertEquals(0, allowed.exitCode(), allowed.toString());
            assertEquals(2, countFiles(dir));
            String source;
            try (Stream<Path> files = Files.list(dir)) {
                source = Files.readString(files.filter(p -> p.toString().endsWith("__DropNotes.java")).findFirst().orElseThrow());
            }
            assertTrue(source.contains("DROP COLUMN \"additional_notes"), source);
            assertTrue(source.contains("not restored") || source.contains("not the data"), source);
            Cli.Result run = atV2.run("migration:run");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(atV2.run("migration:generate", "Again").out().startsWith("No changes"));
        }
    }

    @Test
    void dryRunPrintsTheSourceAndWritesNothing() {
        Path v1 = ExampleModel.compile(work.resolve("v1"));
        Path dir = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create("example_dry")) {
            Cli cli = new Cli(db, "--classpath", v1.toString(), "--dir", dir.toString());
            Cli.Result dry = cli.run("migration:generate", "Init", "--dry-run", "--timestamp", "1795251600000");
            assertEquals(0, dry.exitCode(), dry.toString());
            assertTrue(dry.out().contains("public final class V20261121090000__Init implements Migration"), dry.out());
            assertFalse(Files.exists(dir), "dry run must not create the directory");
            Cli.Result check = cli.run("migration:generate", "--check");
            assertEquals(1, check.exitCode(), check.toString());
            assertTrue(check.out().contains("create table public.users"), check.toString());
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count / 2; // up and down
    }

    static long countFiles(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
