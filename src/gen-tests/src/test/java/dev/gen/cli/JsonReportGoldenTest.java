package dev.gen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.HazardReport;
import dev.gen.diff.Change;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.model.TableStats;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.plan.Hazard;
import dev.gen.plan.LargeTables;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import dev.gen.plan.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code --format json} document, version {@value HazardReport#VERSION}, byte for byte: a plan the planner
 * makes (online, on a large table) in which every hazard class appears up and down, with a refused change, pinned
 * in {@code src/test/resources/dev/gen/cli/report-v1.json} (update with {@code -Dgen.updateGolden=true}, then
 * review). Its schema is documented in the README; a change to the golden file is a change to gen's interface.
 */
class JsonReportGoldenTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    private static Plan plan() {
        Table users = Table.of(USERS, List.of(Column.of("id", "bigint", false), Column.of("age", "integer", true),
                Column.of("city", "character varying(50)", true)), new PrimaryKey("users_pkey", List.of("id")));
        Schema current = Schema.of(Set.of("public"), List.of(users), List.of(), List.of());
        List<Change> changes = List.of(
                new Change.AddColumn(USERS, Column.of("notes", "text", true)),
                new Change.DropColumn(USERS, Column.of("city", "character varying(50)", true)),
                new Change.AlterColumnType(USERS, "age", ColumnType.of("integer"), ColumnType.of("bigint"), null),
                new Change.AddCheck(USERS, new Check("users_age_check", "(age >= 0)", null)),
                new Change.CreateIndex(USERS, Index.of("users_age_idx", false, IndexKey.column("age"))));
        LargeTables large = new LargeTables(Map.of(USERS, new TableStats(12_345_678L, 4_402_341_478L)),
                LargeTables.DEFAULT_ROWS, LargeTables.DEFAULT_BYTES);
        return new Planner(new SqlRenderer(new RenderOptions(true))).plan(changes, current, Map.of(), Map.of(), large);
    }

    private static String report() {
        Plan plan = plan();
        Change drop = plan.steps().stream().map(s -> s.change()).filter(c -> c instanceof Change.DropColumn)
                .findFirst().orElseThrow();
        return HazardReport.json(null, null, plan, List.of(new Refusal(drop,
                "drop column public.users.city: its data would be lost.")));
    }

    @Test
    void theDocumentMatchesItsGoldenFile() throws IOException {
        Path golden = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("src/test/resources/dev/gen/cli/report-v1.json");
        String report = report();
        if (Boolean.getBoolean("gen.updateGolden")) {
            Files.writeString(golden, report, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), report,
                "the JSON report changed: update the README's schema and VERSION if intended");
    }

    @Test
    void theGoldenDocumentCoversEveryHazardUpAndDown() {
        String report = report();
        for (Hazard hazard : Hazard.values()) {
            assertTrue(report.contains("\"" + hazard.label() + "\""), "no " + hazard.label() + " in\n" + report);
        }
        Plan plan = plan();
        Set<Hazard> up = plan.hazards();
        assertEquals(Set.of(Hazard.values()), up, "every hazard class appears in up");
        assertTrue(plan.downHazards().containsAll(Set.of(Hazard.DESTRUCTIVE, Hazard.DATA_DEPENDENT,
                Hazard.TABLE_REWRITE, Hazard.LARGE_TABLE, Hazard.NON_TRANSACTIONAL)), plan.downHazards().toString());
        assertTrue(report.contains("\"version\": " + HazardReport.VERSION + ","), report);
        assertTrue(report.contains("\"text\": \"users: ~12M rows, 4.1 GB\""), report);
    }

    /** Renaming a Java class must not change the document: each kind has a name of its own, spelled out. */
    @Test
    void everyKindOfChangeHasItsOwnStableName() {
        Map<Class<? extends Change>, String> kinds = HazardReport.kinds();
        Set<Class<?>> permitted = Arrays.stream(Change.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, kinds.keySet(), "kinds without a report name, or names of kinds that are gone");
        assertEquals(kinds.size(), new HashSet<>(kinds.values()).size(), "two kinds share a name: " + kinds);
        kinds.values().forEach(name -> assertTrue(name.matches("[a-z]+(-[a-z]+)*"), name));
        assertEquals("add-column", HazardReport.kind(new Change.AddColumn(USERS, Column.of("x", "text", true))));
    }
}
