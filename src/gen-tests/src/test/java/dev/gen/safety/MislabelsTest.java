package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.diff.Change;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.plan.Hazard;
import dev.gen.plan.LockLevel;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import dev.gen.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16, must show 3: the five labels a new user found wrong, each as it was reported. */
class MislabelsTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    private static Schema usersWith(Column... more) {
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.of("id", "bigint", false)));
        columns.addAll(List.of(more));
        return Schema.of(Set.of("public"), List.of(Table.of(USERS, columns, new PrimaryKey("users_pkey",
                List.of("id")))), List.of(), List.of());
    }

    private static Step only(List<Change> changes, Schema current) {
        Plan plan = new Planner(new SqlRenderer(RenderOptions.defaults())).plan(changes, current, Map.of());
        assertEquals(1, plan.steps().size(), plan.toString());
        return plan.steps().get(0);
    }

    /** 1. A plain CREATE INDEX took "an exclusive lock"; PostgreSQL takes SHARE: writes wait, reads go on. */
    @Test
    void plainCreateIndexTakesAShareLock() {
        Step step = only(List.of(new Change.CreateIndex(USERS, Index.of("users_nick_idx", false,
                IndexKey.column("nick")))), usersWith(Column.of("nick", "text", true)));
        assertEquals(LockLevel.SHARE, step.upRisk().lock().level());
        assertEquals("SHARE while the index is built: writes wait, reads go on", step.upRisk().lock().describe());
        assertFalse(Hazard.LONG_LOCK.explanation().contains("exclusive"), Hazard.LONG_LOCK.explanation());
        assertEquals(Set.of(Hazard.LONG_LOCK), step.hazards());
    }

    private static String status(String pkg, String values) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "tickets")
                public class Ticket {
                    public enum Status { %s }
                    @Id Long id;
                    @Enumerated(EnumType.STRING) @Column(length = 10) Status status;
                }
                """.formatted(values));
    }

    /**
     * 2. A STRING enum gaining a value widens its check: no existing row can fail it, so it is not data-dependent
     * (it still scans under ACCESS EXCLUSIVE); its down narrows the check again, which rows using the new value fail.
     */
    @Test
    void aStringEnumGainingAValueIsNotDataDependent() {
        try (SafetyFixture f = SafetyFixture.create("enum_widening")) {
            Path v1 = f.entities(Map.of("e1/Ticket.java", status("e1", "OPEN, CLOSED")));
            f.generate(v1, GenerateRequest.write("Create").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO tickets VALUES (1, 'OPEN')");
            Path v2 = f.entities(Map.of("e2/Ticket.java", status("e2", "OPEN, CLOSED, ESCALATED")));
            GenerateResult result = f.generate(v2, GenerateRequest.write("Escalate").at(SafetyFixture.T0 + 1000));
            Step add = result.plan().steps().stream().filter(s -> s.change() instanceof Change.AddCheck)
                    .findFirst().orElseThrow(() -> new AssertionError(result.plan().toString()));
            assertEquals(Set.of(Hazard.LONG_LOCK), add.hazards(), add.toString());
            assertEquals(LockLevel.ACCESS_EXCLUSIVE, add.upRisk().lock().level());
            Step drop = result.plan().steps().stream().filter(s -> s.change() instanceof Change.DropCheck)
                    .findFirst().orElseThrow();
            assertTrue(drop.downHazards().contains(Hazard.DATA_DEPENDENT), drop.toString());
            assertTrue(result.source().contains("[data-dependent: may fail on rows written since up ran]"),
                    result.source());
            f.run(v2); // and the widened check holds for the existing row, as classified
            f.execute("INSERT INTO tickets VALUES (2, 'ESCALATED')");
        }
    }

    /** 3. A narrowing the migration aborts (it counts the rows that would not fit first) loses no data. */
    @Test
    void aGuardedNarrowingIsNotDestructive() {
        Step step = only(List.of(new Change.AlterColumnType(USERS, "nick", ColumnType.of("character varying(40)"),
                ColumnType.of("character varying(20)"), null)), usersWith(Column.of("nick", "character varying(40)",
                true)));
        assertTrue(step.up().get(0).contains("RAISE EXCEPTION"), "the guard statement runs first: " + step.up());
        assertFalse(step.hazards().contains(Hazard.DESTRUCTIVE), step.hazards().toString());
        assertEquals(Set.of(Hazard.DATA_DEPENDENT, Hazard.TABLE_REWRITE, Hazard.LONG_LOCK), step.hazards());
        assertTrue(step.dataRestored());
    }

    /** 4. A down that drops a filled column or table is marked as losing data. */
    @Test
    void aDownThatDropsAColumnOrTableLosesData() {
        Step column = only(List.of(new Change.AddColumn(USERS, Column.of("notes", "text", true))), usersWith());
        assertEquals(Set.of(), column.hazards());
        assertEquals(Set.of(Hazard.DESTRUCTIVE), column.downHazards());
        Table audit = Table.of(QualifiedName.of("public", "audit"), List.of(Column.of("id", "bigint", false)), null);
        Step table = only(List.of(new Change.CreateTable(audit)), usersWith());
        assertEquals(Set.of(Hazard.DESTRUCTIVE), table.downHazards());
        assertEquals("drops data written since up ran", Hazard.DESTRUCTIVE.downExplanation());
    }

    /** 5. A down that fails once rows use a new enum value (a PostgreSQL enum type) is flagged. */
    @Test
    void aDownThatFailsOnANewEnumValueIsFlagged() {
        EnumType before = new EnumType(QualifiedName.of("public", "mood"), List.of("happy", "sad"));
        EnumType after = new EnumType(before.name(), List.of("happy", "sad", "meh"));
        Schema current = Schema.of(Set.of("public"), List.of(), List.of(), List.of(before));
        Step step = only(List.of(new Change.AddEnumValue(before, after, "meh", null)), current);
        assertEquals(Set.of(), step.hazards());
        assertTrue(step.downHazards().contains(Hazard.DATA_DEPENDENT), step.downHazards().toString());
        assertEquals("may fail on rows written since up ran", Hazard.DATA_DEPENDENT.downExplanation());
    }
}
