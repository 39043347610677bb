package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.api.Migration;
import dev.gen.diff.Change;
import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationEmitterTest {

    private static final EmitOptions REVIEWED = EmitOptions.defaults()
            .withLockTimeout("5s")
            .withHeader("Moves legacy_code out of users (SHOP-42).\nAgreed with the data team: legacy codes go.");
    private static final EmitOptions IN_PACKAGE = EmitOptions.defaults().withJavaPackage("com.acme.db.migration");

    private final MigrationEmitter emitter = new MigrationEmitter();

    @TempDir
    Path work;

    @Test
    void createShopMatchesGoldenFileAndRunsThePlan() throws Exception {
        assertEmitsAndRuns("CreateShop", SamplePlans.createShop(), EmitOptions.defaults());
    }

    @Test
    void userChangedMatchesGoldenFileAndRunsThePlan() throws Exception {
        Migration migration = assertEmitsAndRuns("UserChanged", SamplePlans.userChanged(), REVIEWED);
        assertEquals("5s", migration.lockTimeout());
        assertTrue(migration.transactional());
    }

    @Test
    void nonTransactionalPlanMatchesGoldenFileAndSaysSo() throws Exception {
        Migration migration = assertEmitsAndRuns("IndexOrdersConcurrently", SamplePlans.indexOrdersConcurrently(),
                IN_PACKAGE);
        assertFalse(migration.transactional());
        assertNull(migration.lockTimeout());
    }

    @Test
    void blankMigrationMatchesGoldenFileAndDoesNothing() throws Exception {
        GeneratedMigration generated = emitter.blank("SeedCountries", SamplePlans.TIMESTAMP, IN_PACKAGE);
        GoldenFiles.assertMatches(generated);
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, "com.acme.db.migration");
        assertEquals(List.of(), CompiledMigrations.up(migration));
        assertEquals(List.of(), CompiledMigrations.down(migration));
        assertTrue(migration.transactional());
        assertTrue(generated.javaSource().contains("// write your statements here: ctx.execute(\"...\");"));
    }

    @Test
    void namesClassAndFileAfterTimestampAndName() {
        GeneratedMigration generated = emitter.emit("UserChanged", SamplePlans.TIMESTAMP.plusMillis(999),
                SamplePlans.userChanged(), EmitOptions.defaults());
        assertEquals("V20261121223000__UserChanged", generated.className());
        assertEquals("V20261121223000__UserChanged.java", generated.fileName());
        assertTrue(generated.javaSource()
                .contains("public final class V20261121223000__UserChanged implements Migration {"));
    }

    @Test
    void identicalInputsGiveIdenticalBytes() {
        for (int i = 0; i < 20; i++) {
            // Fresh plans each time. Set.copyOf's iteration order (hazards) changes only from one JVM to the next;
            // the golden files, compared on every run, and listsEveryHazardOfAStepInEnumOrder cover that.
            assertEquals(emitter.emit("UserChanged", SamplePlans.TIMESTAMP, SamplePlans.userChanged(), REVIEWED),
                    emitter.emit("UserChanged", SamplePlans.TIMESTAMP, SamplePlans.userChanged(), REVIEWED));
        }
        assertEquals(emitter.blank("SeedCountries", SamplePlans.TIMESTAMP, IN_PACKAGE),
                emitter.blank("SeedCountries", SamplePlans.TIMESTAMP, IN_PACKAGE));
    }

    @Test
    void listsEveryHazardOfAStepInEnumOrder() {
        Step step = new Step(new Change.CreateSchema("audit"), List.of("CREATE SCHEMA \"audit\""),
                List.of("DROP SCHEMA \"audit\""), Set.of(Hazard.values()), true);
        String source = emitter.emit("AllHazards", SamplePlans.TIMESTAMP, new Plan(List.of(step), true),
                EmitOptions.defaults()).javaSource();
        assertTrue(source.contains(" *   <li>create schema audit [destructive: data is lost] [data-dependent: may fail"
                + " on existing rows] [table-rewrite: rewrites the table] [long-lock: blocks reads or writes while it"
                + " scans the table] [non-transactional: runs outside a transaction] [large-table: on a large"
                + " table]</li>\n"), source);
        assertFalse(source.contains("Warning"), "every step restores its data");
    }

    @Test
    void emptyPlanGivesEmptyBodiesThatSayWhereToWrite() throws Exception {
        GeneratedMigration generated = emitter.emit("Nothing", SamplePlans.TIMESTAMP, new Plan(List.of(), true),
                EmitOptions.defaults());
        assertTrue(generated.javaSource().contains(" * <p>Changes: none.\n"), generated.javaSource());
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, "");
        assertEquals(List.of(), CompiledMigrations.up(migration));
        assertEquals(List.of(), CompiledMigrations.down(migration));
    }

    @Test
    void hostileDescriptionsAndHeaderStayInsideTheirComments() throws Exception {
        // Each would break out of a comment or produce invalid Javadoc if copied as it is; doclint checks the HTML.
        String hostile = "x */ int broken; /* @Deprecated {@code y} <b>bold & \\u002a/ \\u000a"
                + " \u00e9\u202e\u0000 \n$L $S $$ end";
        Step step = new Step(new Change.CreateSchema(hostile), List.of("CREATE SCHEMA \"x\""),
                List.of("DROP SCHEMA \"x\""), Set.of(Hazard.DESTRUCTIVE), false);
        GeneratedMigration generated = emitter.emit("Hostile", SamplePlans.TIMESTAMP,
                new Plan(List.of(step), true), EmitOptions.defaults().withHeader("@author */ <i>\\u002a/\nsecond $L"));
        CompiledMigrations.assertAscii(generated.javaSource());
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, "");
        assertEquals(List.of("CREATE SCHEMA \"x\""), CompiledMigrations.up(migration));
        assertTrue(generated.javaSource().contains(
                "create schema x *&#47; int broken; /* &#64;Deprecated {&#64;code y} &lt;b&gt;bold &amp; &#92;u002a/"
                        + " &#92;u000a \\u00e9\\u202e   $L $S $$ end [destructive: data is lost]"),
                generated.javaSource());
        assertTrue(generated.javaSource().contains("// create schema x */ int broken; /* @Deprecated {@code y} <b>bold"
                + " &"
                + " \\\\u002a/ \\\\u000a \\u00e9\\u202e   $L $S $$ end [destructive]\n"), generated.javaSource());
    }

    @Test
    void refusesAnInvalidNameBeforeEmittingAnything() {
        EmitUsageException e = assertThrows(EmitUsageException.class,
                () -> emitter.emit("add-user-notes", SamplePlans.TIMESTAMP, SamplePlans.userChanged(),
                        EmitOptions.defaults()));
        assertTrue(e.getMessage().contains("e.g. AddUserNotes"), e.getMessage());
        assertThrows(EmitUsageException.class,
                () -> emitter.blank("1st", SamplePlans.TIMESTAMP, EmitOptions.defaults()));
    }

    /** Compares with the golden file, compiles, runs both directions and compares with the plan's statements. */
    private Migration assertEmitsAndRuns(String name, Plan plan, EmitOptions options) throws Exception {
        GeneratedMigration generated = emitter.emit(name, SamplePlans.TIMESTAMP, plan, options);
        GoldenFiles.assertMatches(generated);
        CompiledMigrations.assertAscii(generated.javaSource());
        String packageName = options.javaPackage() == null ? "" : options.javaPackage();
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, packageName);
        assertEquals(plan.upStatements(), CompiledMigrations.up(migration));
        assertEquals(plan.downStatements(), CompiledMigrations.down(migration));
        assertEquals(plan.transactional(), migration.transactional());
        return migration;
    }
}
