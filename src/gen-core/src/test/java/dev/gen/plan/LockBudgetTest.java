package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.diff.Change;
import dev.gen.diff.SchemaDiff;
import dev.gen.model.Column;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.SqlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a plan too large for one transaction's locks is cut into consecutive parts; no database needed. */
class LockBudgetTest {

    /** {@code count} new tables, each but the first with a foreign key to the one before, planned from nothing. */
    private static Plan chain(int count) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            QualifiedName name = QualifiedName.of("public", "t" + i);
            List<Column> columns = List.of(Column.of("id", "bigint", false).withIdentity(Identity.BY_DEFAULT),
                    Column.of("label", "character varying(255)", true), Column.of("prev_id", "bigint", true));
            Table table = Table.of(name, columns, new PrimaryKey("t" + i + "_pkey", List.of("id")));
            if (i > 0) {
                table = table.withForeignKeys(List.of(new ForeignKey("t" + i + "_prev_fkey", List.of("prev_id"),
                        QualifiedName.of("public", "t" + (i - 1)), List.of("id"), ForeignKey.NO_ACTION)));
            }
            tables.add(table);
        }
        Schema empty = Schema.empty(Set.of("public"));
        Schema desired = Schema.of(Set.of("public"), tables, List.of(), List.of());
        List<Change> changes = SchemaDiff.diff(empty, desired);
        return new Planner(new SqlRenderer()).plan(changes, empty, Map.of());
    }

    @Test
    void aPlanWithinTheBudgetStaysOneMigration() {
        Plan plan = chain(20);
        List<Plan> parts = LockBudget.split(plan, LockBudget.DEFAULT);
        assertEquals(1, parts.size());
        assertSame(plan, parts.get(0));
    }

    @Test
    void aLargePlanIsCutIntoPartsThatKeepItsOrderAndEachFitTheBudget() {
        Plan plan = chain(200);
        int budget = 300;
        assertTrue(LockBudget.estimate(plan) > 3 * budget, "the model must need several parts: "
                + LockBudget.estimate(plan));
        List<Plan> parts = LockBudget.split(plan, budget);
        assertTrue(parts.size() > 3, "parts: " + parts.size());
        List<Step> joined = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (Plan part : parts) {
            assertTrue(LockBudget.estimate(part) <= budget, "a part over the budget: " + LockBudget.estimate(part));
            assertTrue(part.transactional());
            joined.addAll(part.steps());
            up.addAll(part.upStatements());
        }
        assertEquals(plan.steps(), joined, "the parts, in order, are the plan");
        assertEquals(plan.upStatements(), up);
        // reverting newest part first runs the plan's own down
        List<String> down = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            down.addAll(parts.get(i).downStatements());
        }
        assertEquals(plan.downStatements(), down);
    }

    @Test
    void aTableReferencedFromManyStepsCountsOncePerPart() {
        Plan plan = chain(2);
        // t0 and t1 created (each: table, row type, key index and constraint, identity sequence; rows narrow
        // enough for no toast table), then the foreign key t1 -> t0: the two tables again, plus the constraint
        assertEquals(2 * (1 + 1 + 2 + 1) + 1, LockBudget.estimate(plan));
    }

    @Test
    void aSelfReferencingForeignKeyLocksItsTableOnce() {
        QualifiedName folder = QualifiedName.of("public", "folder");
        ForeignKey parent = new ForeignKey("folder_parent_fkey", List.of("parent_id"), folder, List.of("id"),
                ForeignKey.NO_ACTION);
        assertEquals(Set.of(folder), LockBudget.footprint(new Change.AddForeignKey(folder, parent)).relations());
        assertEquals(Set.of(folder), LockBudget.footprint(new Change.DropForeignKey(folder, parent)).relations());
    }

    @Test
    void aTableWhoseRowsCanBeWideGetsAToastTableAndItsIndex() {
        Table narrow = Table.of(QualifiedName.of("public", "narrow"), List.of(Column.of("id", "bigint", false),
                Column.of("code", "varchar(100)", true), Column.of("price", "numeric(12,2)", true)), null);
        Table wide = Table.of(QualifiedName.of("public", "wide"), List.of(Column.of("id", "bigint", false),
                Column.of("body", "text", true)), null);
        Table manyBounded = Table.of(QualifiedName.of("public", "many_bounded"), List.of(
                Column.of("a", "character varying(255)", true), Column.of("b", "character varying(255)", true)), null);
        // the row type alone; then the row type, the toast table and its index
        assertEquals(1, LockBudget.footprint(new Change.CreateTable(narrow)).others());
        assertEquals(1 + 2, LockBudget.footprint(new Change.CreateTable(wide)).others());
        assertEquals(1 + 2, LockBudget.footprint(new Change.CreateTable(manyBounded)).others());
    }

    @Test
    void aStepLargerThanTheBudgetGetsAPartOfItsOwn() {
        Plan plan = chain(3);
        List<Plan> parts = LockBudget.split(plan, 2);
        assertEquals(plan.steps().size(), parts.size());
        parts.forEach(part -> assertEquals(1, part.steps().size()));
    }

    @Test
    void aPlanOutsideATransactionIsNeverCut() {
        Plan chain = chain(200);
        Plan outside = new Plan(chain.steps(), false);
        assertEquals(List.of(outside), LockBudget.split(outside, 10));
    }
}
