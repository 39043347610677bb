package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.api.Migration;
import dev.gen.diff.Change;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of a migration too big for one method or one string constant, pinned with small limits so that the
 * golden file stays readable; {@code LargeMigrationTest} runs the real limits on PostgreSQL.
 */
class LargeMigrationLayoutTest {

    /** Three statements a chunk, 200 characters, literals of at most 40 bytes. */
    private static final MigrationBody.Limits SMALL = new MigrationBody.Limits(3, 200, 40);

    @TempDir
    Path work;

    @Test
    void chunkedMigrationMatchesGoldenFileAndRunsEveryStatementInOrder() throws Exception {
        Plan plan = chunkedPlan();
        GeneratedMigration generated = new MigrationEmitter(SMALL)
                .emit("LargeLayout", SamplePlans.TIMESTAMP, plan, EmitOptions.defaults());
        GoldenFiles.assertMatches(generated);
        CompiledMigrations.assertAscii(generated.javaSource());
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, "");
        assertEquals(plan.upStatements(), CompiledMigrations.up(migration));
        assertEquals(plan.downStatements(), CompiledMigrations.down(migration));
        String source = generated.javaSource();
        assertTrue(source.contains("        Up1.run(ctx);\n        Up2.run(ctx);\n"), source);
        assertTrue(source.contains("// create schema wide (continued)\n"), source);
        assertTrue(source.contains("ctx.execute(String.join(\"\","), source);
    }

    @Test
    void aMigrationWithinTheLimitsKeepsTheFlatLayout() {
        Plan plan = SamplePlans.ofStatements(List.of("CREATE SCHEMA \"a\"", "CREATE SCHEMA \"b\"", "CREATE SCHEMA \"c\""));
        String flat = new MigrationEmitter(MigrationBody.Limits.DEFAULT)
                .emit("Flat", SamplePlans.TIMESTAMP, plan, EmitOptions.defaults()).javaSource();
        assertEquals(flat, new MigrationEmitter(SMALL)
                .emit("Flat", SamplePlans.TIMESTAMP, plan, EmitOptions.defaults()).javaSource());
        assertFalse(flat.contains("Up1"), flat);
    }

    @Test
    void partsJoinToTheStatementAndStayWithinTheLimit() {
        String emoji = "\ud83d\ude00";
        List<String> samples = List.of(
                "x".repeat(100),
                IntStream.range(0, 40).mapToObj(i -> "\"c" + i + "\" text").collect(Collectors.joining(", ")),
                (emoji + "\u00e9\u0000a").repeat(30),
                "short");
        for (String sql : samples) {
            List<String> parts = MigrationBody.parts(sql, 40);
            assertEquals(sql, String.join("", parts));
            for (String part : parts) {
                assertTrue(modifiedUtf8Bytes(part) <= 40, part);
                assertFalse(Character.isLowSurrogate(part.charAt(0)), "a surrogate pair was cut: " + parts);
            }
        }
        List<String> columns = MigrationBody.parts(samples.get(1), 40);
        assertTrue(columns.stream().limit(columns.size() - 1).allMatch(p -> p.endsWith(", ")),
                "cut between columns: " + columns);
    }

    /**
     * A small step, a step of seven statements (split over three chunks), a statement too long for one literal, and a
     * step without a down statement.
     */
    private static Plan chunkedPlan() {
        List<Step> steps = new ArrayList<>();
        steps.add(SamplePlans.step(new Change.CreateSchema("first"), List.of("CREATE SCHEMA \"first\""),
                List.of("DROP SCHEMA \"first\"")));
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        up.add("CREATE SCHEMA \"wide\"");
        for (int i = 1; i <= 6; i++) {
            up.add("CREATE TABLE \"wide\".\"t" + i + "\" (\"id\" bigint)");
            down.add(0, "DROP TABLE \"wide\".\"t" + i + "\"");
        }
        down.add("DROP SCHEMA \"wide\"");
        steps.add(SamplePlans.step(new Change.CreateSchema("wide"), up, down));
        String columns = IntStream.range(0, 8).mapToObj(i -> "\"column_" + i + "\" text")
                .collect(Collectors.joining(", "));
        steps.add(SamplePlans.step(new Change.CreateSchema("long"),
                List.of("CREATE TABLE \"long\" (" + columns + ")"), List.of("DROP TABLE \"long\"")));
        steps.add(SamplePlans.step(new Change.CreateSchema("last"), List.of("CREATE SCHEMA \"last\""), List.of()));
        return new Plan(steps, true);
    }

    private static int modifiedUtf8Bytes(String s) {
        int bytes = 0;
        for (char c : s.toCharArray()) {
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
