package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.diff.Change;
import dev.gen.diff.DiffOptions;
import dev.gen.diff.SchemaDiff;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.postgres.TypeChanges;
import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import dev.gen.diff.RenameCandidate;
import dev.gen.diff.RenameCandidates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts, on schemas built in code: rename candidates, type change kinds, online rendering. */
class PlanningTest {

    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    private static Table users(String nameColumn, String nameType, Column... more) {
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.of("id", "bigint", false),
                Column.of(nameColumn, nameType, true)));
        columns.addAll(List.of(more));
        return Table.of(USERS, columns, new PrimaryKey("users_pkey", List.of("id")));
    }

    private static Schema schema(Table... tables) {
        return Schema.of(Set.of("public"), List.of(tables), List.of(), List.of());
    }

    @Test
    void renameCandidatesPairCompatibleColumnsAndIdenticalTables() {
        Schema current = schema(users("nick", "character varying(20)", Column.of("age", "integer", true)));
        Schema desired = schema(users("nickname", "character varying(40)", Column.of("born", "date", true)));
        // widened varchar: a candidate; integer -> date: not one
        assertEquals(List.of(RenameCandidate.column(USERS, "nick", "nickname")),
                RenameCandidates.find(current, desired, DiffOptions.defaults()));
        assertEquals("--rename users.nick=nickname",
                RenameCandidates.find(current, desired, DiffOptions.defaults()).get(0).flag("public"));

        Table people = users("nick", "text").withName(QualifiedName.of("public", "people"));
        List<RenameCandidate> tables = RenameCandidates.find(schema(users("nick", "text")), schema(people),
                DiffOptions.defaults());
        assertEquals(List.of(RenameCandidate.table(USERS, people.name())), tables);
        assertEquals("--rename-table users=people", tables.get(0).flag("public"));

        DiffOptions confirmed = RenameCandidates.confirm(DiffOptions.defaults(), tables.get(0));
        assertTrue(RenameCandidates.find(schema(users("nick", "text")), schema(people), confirmed).isEmpty());
        List<Change> changes = SchemaDiff.diff(schema(users("nick", "text")), schema(people), confirmed);
        assertEquals(List.of(new Change.RenameTable(USERS, people.name())), changes);
    }

    @Test
    void renamedColumnCarriesItsForeignKeyIndexAndCheckWithoutSpuriousChanges() {
        QualifiedName orders = QualifiedName.of("public", "orders");
        Table current = new Table(orders, List.of(Column.of("id", "bigint", false), Column.of("buyer", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id")),
                List.of(new ForeignKey("fk_old_hash", List.of("buyer"), USERS, List.of("id"), ForeignKey.NO_ACTION)),
                List.of(), List.of(new Index("orders_buyer_idx", List.of(new IndexKey("buyer", false, false)), false,
                        "btree", null)),
                List.of(new Check("orders_buyer_check", "(buyer > 0)", "buyer")), null);
        Table desired = new Table(orders, List.of(Column.of("id", "bigint", false),
                Column.of("customer", "bigint", true)), new PrimaryKey(null, List.of("id")),
                List.of(new ForeignKey("fk_new_hash", List.of("customer"), USERS, List.of("id"), ForeignKey.NO_ACTION)),
                List.of(), List.of(new Index("orders_customer_idx", List.of(new IndexKey("customer", false, false)),
                        false, "btree", null)),
                List.of(new Check(null, "(customer > 0)", "customer")), null);
        Schema users = schema(users("nick", "text"));
        Schema before = schema(users.table(USERS), current);
        Schema after = schema(users.table(USERS), desired);
        DiffOptions rename = new DiffOptions(Map.of(), Map.of(orders, Map.of("buyer", "customer")));
        assertEquals(List.of(new Change.RenameColumn(orders, "buyer", "customer")),
                SchemaDiff.diff(before, after, rename));
    }

    @Test
    void typeChangeKinds() {
        assertEquals(TypeChanges.Kind.BINARY_COMPATIBLE, kind("character varying(20)", "character varying(40)"));
        assertEquals(TypeChanges.Kind.BINARY_COMPATIBLE, kind("character varying(20)", "text"));
        assertEquals(TypeChanges.Kind.BINARY_COMPATIBLE, kind("numeric(10,2)", "numeric(12,2)"));
        assertEquals(TypeChanges.Kind.NARROWING, kind("character varying(40)", "character varying(20)"));
        assertEquals(TypeChanges.Kind.NARROWING, kind("text", "character varying(20)"));
        assertEquals(TypeChanges.Kind.NARROWING, kind("bigint", "integer"));
        assertEquals(TypeChanges.Kind.NARROWING, kind("numeric(10,2)", "numeric(10,1)"));
        assertEquals(TypeChanges.Kind.WIDENING, kind("integer", "bigint"));
        assertEquals(TypeChanges.Kind.CONVERSION, kind("character varying(10)", "bigint"));
        assertEquals(TypeChanges.Kind.NARROWING,
                kind("timestamp(6) without time zone", "timestamp(3) without time zone"));
    }

    private static TypeChanges.Kind kind(String from, String to) {
        return TypeChanges.classify(ColumnType.of(from), ColumnType.of(to));
    }

    @Test
    void onlineRendersNotValidThenValidateOutsideATransaction() {
        QualifiedName orders = QualifiedName.of("public", "orders");
        Table table = Table.of(orders, List.of(Column.of("id", "bigint", false), Column.of("buyer", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id")));
        Schema current = schema(users("nick", "text"), table);
        List<Change> changes = List.of(
                new Change.AddForeignKey(orders, new ForeignKey("orders_buyer_fk", List.of("buyer"), USERS,
                        List.of("id"), ForeignKey.NO_ACTION)),
                new Change.AddCheck(orders, new Check(null, "(buyer > 0)", "buyer")),
                new Change.AlterColumnNullability(orders, "buyer", false),
                new Change.AddUniqueKey(orders, new dev.gen.model.UniqueKey(null, List.of("buyer"))));
        Plan online = new Planner(new SqlRenderer(new RenderOptions(true))).plan(changes, current, Map.of());
        assertFalse(online.transactional());
        assertEquals(List.of(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_buyer_not_null\" CHECK (\"buyer\" IS NOT NULL)"
                        + " NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_buyer_not_null\"",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"buyer\" SET NOT NULL",
                "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"orders_buyer_not_null\"",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_buyer_check\" CHECK ((buyer > 0)) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_buyer_check\"",
                "CREATE UNIQUE INDEX CONCURRENTLY \"orders_buyer_key\" ON \"public\".\"orders\" (\"buyer\")",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_buyer_key\" UNIQUE USING INDEX"
                        + " \"orders_buyer_key\"",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_buyer_fk\" FOREIGN KEY (\"buyer\")"
                        + " REFERENCES \"public\".\"users\" (\"id\") NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_buyer_fk\""), online.upStatements());
        assertTrue(online.steps().stream().allMatch(s -> s.hazards().contains(Hazard.NON_TRANSACTIONAL)
                && !s.hazards().contains(Hazard.LONG_LOCK)));

        Plan offline = new Planner(new SqlRenderer()).plan(changes, current, Map.of());
        assertTrue(offline.transactional());
        assertTrue(offline.steps().stream().allMatch(s -> s.hazards().contains(Hazard.LONG_LOCK)));
    }

    @Test
    void aBackfillReadsTheColumnTheSamePlanDropsAndAReAddedColumnIsStillDroppedFirst() {
        Schema current = schema(users("full_name", "character varying(200)", Column.of("kind", "integer", true)));
        List<Change> changes = List.of(
                new Change.DropColumn(USERS, Column.of("full_name", "character varying(200)", true)),
                new Change.DropColumn(USERS, Column.of("kind", "integer", true)),
                new Change.AddColumn(USERS, Column.of("kind", "text", true)),
                new Change.AddColumn(USERS, Column.of("family_name", "character varying(100)", false)));
        Plan plan = new Planner(new SqlRenderer()).plan(changes, current, Map.of(),
                Map.of(new dev.gen.model.ColumnRef(USERS, "family_name"), "split_part(full_name, ' ', 2)"));
        List<String> up = plan.upStatements();
        int dropKind = indexOf(up, "DROP COLUMN \"kind\"");
        int addKind = indexOf(up, "ADD COLUMN \"kind\"");
        int fill = indexOf(up, "UPDATE");
        int dropFullName = indexOf(up, "DROP COLUMN \"full_name\"");
        assertTrue(dropKind < addKind, String.join("\n", up));
        assertTrue(fill < dropFullName, String.join("\n", up));
        assertTrue(dropFullName < indexOf(up, "SET NOT NULL"), String.join("\n", up));
    }

    private static int indexOf(List<String> statements, String part) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no statement with " + part + " in " + statements);
    }
}
