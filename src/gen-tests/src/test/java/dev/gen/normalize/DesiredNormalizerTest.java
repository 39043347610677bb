package dev.gen.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.introspect.Introspector;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The normaliser brings Hibernate's DDL text to the spelling the Introspector reads from the catalog: for each
 * case the same text is created on a real table, read back, and compared with the normalised desired side.
 */
class DesiredNormalizerTest {

    private static final Set<String> SCHEMAS = Set.of("app");
    private static final QualifiedName ORDERS = app("orders");

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create("normalizer");
        database.execute(
                "CREATE SCHEMA app",
                "CREATE TYPE app.status AS ENUM ('NEW', 'PAID')",
                "CREATE SEQUENCE app.orders_seq INCREMENT BY 50");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static QualifiedName app(String name) {
        return QualifiedName.of("app", name);
    }

    private static Schema current() throws SQLException {
        try (Connection connection = database.connect()) {
            return Introspector.readSchema(connection, SCHEMAS, name -> false);
        }
    }

    private static NormalizationResult normalize(Schema desired, Schema current) throws SQLException {
        try (Connection connection = database.connect()) {
            NormalizationResult result = DesiredNormalizer.normalizeCounted(connection, desired, current);
            assertTrue(connection.getAutoCommit(), "auto-commit restored");
            return result;
        }
    }

    private static Schema desired(Table... tables) {
        return Schema.of(SCHEMAS, List.of(tables), List.of(new Sequence(app("orders_seq"), 1, 50)),
                List.of(new EnumType(app("status"), List.of("NEW", "PAID"))));
    }

    /** Creates a table from Hibernate-style DDL text, runs {@code test}, drops it again. */
    private static void withTable(String ddl, SqlTest test) throws SQLException {
        database.execute(ddl);
        try {
            test.run();
        } finally {
            database.execute("DROP TABLE IF EXISTS app.orders");
        }
    }

    /** The checks as the catalog gives them: without the text they were written in. */
    static List<Check> withoutSources(List<Check> checks) {
        return checks.stream().map(c -> new Check(c.name(), c.expression(), c.column())).toList();
    }

    private interface SqlTest {
        void run() throws SQLException;
    }

    @Test
    void knownTypesNeedNoServerForNewTables() throws SQLException {
        Table desired = new Table(ORDERS,
                List.of(Column.of("id", "bigint", false), Column.of("name", "varchar(255)", true),
                        Column.of("at", "timestamp(6) with time zone", true), Column.of("price", "float(53)", true),
                        new Column("flag", ColumnType.of("boolean"), false, "false", null, null)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(),
                List.of(Check.of("price > 0")), null);
        NormalizationResult result = normalize(desired(desired), Schema.empty(SCHEMAS));
        assertEquals(0, result.roundTrips(), "an empty database costs nothing");
        assertEquals(0, result.scratchTables());
        Table normalised = result.schema().table(ORDERS);
        assertEquals(List.of("bigint", "character varying(255)", "timestamp(6) with time zone", "double precision",
                "boolean"), normalised.columns().stream().map(c -> c.type().sql()).toList());
        assertEquals("false", normalised.column("flag").orElseThrow().defaultExpression(), "left raw: the table is new");
        assertEquals(List.of(Check.of("price > 0")), normalised.checks(), "left raw: the table is new");
    }

    @Test
    void defaultsOfExistingTablesReadLikeTheCatalog() throws SQLException {
        withTable("""
                create table app.orders (id bigint not null, code varchar(10) default 'x', amount integer default 0,
                    created timestamp(6) default now(), changed timestamp(6) with time zone default current_timestamp,
                    state app.status default 'NEW', number bigint default nextval('app.orders_seq'),
                    today date default current_date, ratio numeric(5,2) default 1.5, primary key (id))""", () -> {
            Schema current = current();
            Table desired = Table.of(ORDERS, List.of(
                    Column.of("id", "bigint", false),
                    Column.of("code", "varchar(10)", true).withDefault("'x'"),
                    Column.of("amount", "integer", true).withDefault("0"),
                    Column.of("created", "timestamp(6)", true).withDefault("now()"),
                    Column.of("changed", "timestamp(6) with time zone", true).withDefault("current_timestamp"),
                    Column.of("state", "status", true).withDefault("'NEW'"),
                    Column.of("number", "bigint", true).withDefault("nextval('app.orders_seq')"),
                    Column.of("today", "date", true).withDefault("current_date"),
                    Column.of("ratio", "numeric(5,2)", true).withDefault("1.5")),
                    new PrimaryKey("orders_pkey", List.of("id")));
            NormalizationResult result = normalize(desired(desired), current);
            assertEquals(current.table(ORDERS).columns(), result.schema().table(ORDERS).columns());
            assertEquals(2, result.scratchTables(), "one for the defaults, one for the enum-typed column");
            assertTrue(result.roundTrips() <= 6, "a handful of round trips, was " + result.roundTrips());
        });
    }

    @Test
    void checksOfExistingTablesReadLikeTheCatalog() throws SQLException {
        List<String> hibernateChecks = List.of(
                "status in ('NEW','PAID','SHIPPED')",
                "kind between 0 and 3",
                "(DTYPE<>'AppUser') or (notes is not null)",
                "amount>=0 and amount<=1000.5",
                "code in ('A','B')",
                "lower(status) = status");
        StringBuilder ddl = new StringBuilder("create table app.orders (status varchar(255), kind smallint,"
                + " DTYPE varchar(31) not null, notes text, amount numeric(10,2), code char(1)");
        for (int i = 0; i < hibernateChecks.size(); i++) {
            ddl.append(", constraint c").append(i).append(" check (").append(hibernateChecks.get(i)).append(')');
        }
        withTable(ddl.append(')').toString(), () -> {
            Schema current = current();
            List<Check> checks = new java.util.ArrayList<>();
            for (int i = 0; i < hibernateChecks.size(); i++) {
                checks.add(new Check("c" + i, hibernateChecks.get(i), null));
            }
            Table desired = new Table(ORDERS, List.of(
                    Column.of("status", "varchar(255)", true), Column.of("kind", "smallint", true),
                    Column.of("dtype", "varchar(31)", false), Column.of("notes", "text", true),
                    Column.of("amount", "numeric(10,2)", true), Column.of("code", "char(1)", true)),
                    null, List.of(), List.of(), List.of(), checks, null);
            Table normalised = normalize(desired(desired), current).schema().table(ORDERS);
            assertEquals(current.table(ORDERS).checks(), withoutSources(normalised.checks()));
            assertEquals(hibernateChecks, normalised.checks().stream().map(Check::source).toList(),
                    "Hibernate's text is kept for DDL");
            assertEquals("(((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying,"
                    + " 'SHIPPED'::character varying])::text[])))", normalised.checks().get(0).expression());
        });
    }

    @Test
    void columnChecksKeepTheirColumnAndNullName() throws SQLException {
        withTable("create table app.orders (state varchar(10) check (state in ('A','B')))", () -> {
            Schema current = current();
            Table desired = new Table(ORDERS, List.of(Column.of("state", "varchar(10)", true)), null, List.of(),
                    List.of(), List.of(), List.of(new Check(null, "state in ('A','B')", "state")), null);
            Check normalised = normalize(desired(desired), current).schema().table(ORDERS).checks().get(0);
            assertEquals(new Check(null, current.table(ORDERS).checks().get(0).expression(), "state",
                    "state in ('A','B')"), normalised);
        });
    }

    @Test
    void expressionAndPartialIndexesOfExistingTablesReadLikeTheCatalog() throws SQLException {
        withTable("create table app.orders (name varchar(50), score integer)", () -> {
            database.execute("create index orders_lower on app.orders (lower(name), score desc) where score > 10",
                    "create index orders_plain on app.orders (name)");
            Schema current = current();
            Table desired = Table.of(ORDERS,
                            List.of(Column.of("name", "varchar(50)", true), Column.of("score", "integer", true)), null)
                    .withIndexes(List.of(
                            new Index("orders_lower", List.of(new IndexKey("lower(name)", false, true),
                                    IndexKey.column("score", true)), false, "btree", "score>10"),
                            Index.of("orders_plain", false, IndexKey.column("name"))));
            assertEquals(current.table(ORDERS).indexes(),
                    normalize(desired(desired), current).schema().table(ORDERS).indexes());
        });
    }

    @Test
    void columnDefinitionsAreReadByPostgres() throws SQLException {
        Table desired = Table.of(ORDERS, List.of(
                Column.of("id", "bigint generated by default as identity", false),
                Column.of("code", "varchar(10) default 'x' not null", true),
                Column.of("state", "status", true),
                Column.of("amount", "int check (amount > 0)", true),
                Column.of("email", "text unique", true),
                Column.of("labels", "status array", true),
                Column.of("tags", "varchar(20)[]", true)), new PrimaryKey(null, List.of("id")));
        NormalizationResult result = normalize(desired(desired), Schema.empty(SCHEMAS));
        assertEquals(1, result.scratchTables(), "raw types need the server even for a new table");
        Table normalised = result.schema().table(ORDERS);
        assertEquals(List.of(
                new Column("id", ColumnType.of("bigint"), false, null, Identity.BY_DEFAULT, null),
                new Column("code", ColumnType.of("character varying(10)"), false, "'x'::character varying", null, null),
                Column.of("state", "status", true),
                Column.of("amount", "integer", true),
                Column.of("email", "text", true),
                Column.of("labels", "status[]", true),
                Column.of("tags", "character varying(20)[]", true)), normalised.columns());
        assertEquals(List.of(new Check(null, "((amount > 0))", "amount")), normalised.checks());
        assertEquals(List.of(new UniqueKey(null, List.of("email"))), normalised.uniqueKeys());
    }

    @Test
    void createsMissingEnumTypesSchemasAndSequencesOnlyForTheRolledBackTransaction() throws SQLException {
        QualifiedName table = QualifiedName.of("shop", "cart");
        Table desired = Table.of(table, List.of(
                Column.of("id", "bigint", false).withDefault("nextval('shop.cart_seq')"),
                Column.of("mood", "mood", true).withDefault("'happy'")), null);
        Schema desiredSchema = Schema.of(Set.of("shop"), List.of(desired),
                List.of(new Sequence(QualifiedName.of("shop", "cart_seq"), 1, 50)),
                List.of(new EnumType(QualifiedName.of("shop", "mood"), List.of("happy", "sad"))));
        Table normalised = normalize(desiredSchema, Schema.empty(Set.of("shop"))).schema().table(table);
        assertEquals(List.of(
                new Column("id", ColumnType.of("bigint"), false, "nextval('shop.cart_seq')", null, null),
                new Column("mood", ColumnType.of("mood"), true, "'happy'::mood", null, null)), normalised.columns(),
                "the raw type's default is read back, the new table's other default left raw");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "nothing is left behind");
        }
    }

    @Test
    void createsMissingSequencesForDefaultsOfExistingTables() throws SQLException {
        withTable("create table app.orders (id bigint)", () -> {
            Schema current = current();
            Table desired = Table.of(ORDERS, List.of(Column.of("id", "bigint", true).withDefault("nextval('app.new_seq')")),
                    null);
            Schema desiredSchema = Schema.of(SCHEMAS, List.of(desired), List.of(new Sequence(app("new_seq"), 1, 1)),
                    List.of());
            assertEquals("nextval('new_seq'::regclass)", normalize(desiredSchema, current).schema().table(ORDERS)
                    .columns().get(0).defaultExpression());
            assertFalse(current().sequences().containsKey(app("new_seq")), "nothing is left behind");
        });
    }

    @Test
    void rawTextsThatDeclarePrimaryKeysNeverShareAScratchTable() throws SQLException {
        database.execute("create table app.a (id bigint primary key, note text check (note <> ''), check (id > 0))",
                "create table app.b (code text primary key, note text check (note <> ''), check (code <> 'x'))");
        try {
            Schema current = current();
            Table a = new Table(app("a"), List.of(Column.of("id", "bigint primary key", false), Column.of("note", "text", true)),
                    null, List.of(), List.of(), List.of(),
                    List.of(new Check("a_check", "id > 0", null), new Check("a_note_check", "note <> ''", "note")), null);
            Table b = new Table(app("b"), List.of(Column.of("code", "text primary key", false), Column.of("note", "text", true)),
                    null, List.of(), List.of(), List.of(),
                    List.of(new Check("b_check", "code <> 'x'", null), new Check("b_note_check", "note <> ''", "note")), null);
            Schema normalised = normalize(desired(a, b), current).schema();
            for (Table table : List.of(a, b)) {
                Table read = current.table(table.name());
                Table result = normalised.table(table.name());
                assertEquals(new PrimaryKey(null, read.primaryKey().columns()), result.primaryKey());
                assertEquals(read.columns(), result.columns());
                assertEquals(read.checks().stream().map(Check::expression).toList(),
                        result.checks().stream().map(Check::expression).toList());
            }
        } finally {
            database.execute("DROP TABLE app.a", "DROP TABLE app.b");
        }
    }

    @Test
    void quotedMixedCaseColumnsInChecks() throws SQLException {
        withTable("create table app.orders (\"Status\" varchar(10), status_code integer,"
                + " constraint orders_status check (\"Status\" in ('A','B') and status_code > 0))", () -> {
            Schema current = current();
            Table desired = new Table(ORDERS, List.of(Column.of("Status", "varchar(10)", true),
                    Column.of("status_code", "integer", true)), null, List.of(), List.of(), List.of(),
                    List.of(new Check("orders_status", "\"Status\" in ('A','B') and status_code > 0", null)), null);
            assertEquals(current.table(ORDERS).checks(),
                    withoutSources(normalize(desired(desired), current).schema().table(ORDERS).checks()));
        });
    }

    @Test
    void anUnknownTypeNamesTableColumnAndText() throws SQLException {
        Table desired = Table.of(ORDERS, List.of(Column.of("id", "bigint", false), Column.of("Code", "varchr(10)", true)),
                null);
        DesiredSchemaException e = assertThrows(DesiredSchemaException.class,
                () -> normalize(desired(desired), Schema.empty(SCHEMAS)));
        assertEquals(ORDERS, e.table());
        assertEquals("Code", e.element());
        assertEquals("varchr(10)", e.text());
        assertTrue(e.getMessage().startsWith("Table app.orders, column \"Code\": PostgreSQL rejects the type \"varchr(10)\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("type \"varchr\" does not exist"), e.getMessage());
    }

    @Test
    void aBadDefaultOrCheckIsNamed() throws SQLException {
        withTable("create table app.orders (id bigint, code text)", () -> {
            Schema current = current();
            Table badDefault = Table.of(ORDERS, List.of(Column.of("id", "bigint", true).withDefault("nosuchfunction()"),
                    Column.of("code", "text", true)), null);
            DesiredSchemaException e = assertThrows(DesiredSchemaException.class,
                    () -> normalize(desired(badDefault), current));
            assertTrue(e.getMessage().startsWith(
                    "Table app.orders, column \"id\": PostgreSQL rejects the default expression \"nosuchfunction()\""),
                    e.getMessage());

            Table badCheck = Table.of(ORDERS, List.of(Column.of("id", "bigint", true), Column.of("code", "text", true)),
                    null).withChecks(List.of(new Check("orders_code_check", "cod in ('A')", null)));
            e = assertThrows(DesiredSchemaException.class, () -> normalize(desired(badCheck), current));
            assertTrue(e.getMessage().startsWith(
                    "Table app.orders, check \"orders_code_check\": PostgreSQL rejects the expression \"cod in ('A')\""),
                    e.getMessage());
            assertEquals("cod in ('A')", e.text());
        });
    }

    @Test
    void worksInsideTheCallersTransactionWithoutHarmingIt() throws SQLException {
        Table desired = Table.of(ORDERS, List.of(Column.of("state", "status", true)), null);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE app.callers_work (x integer)");
            Schema normalised = DesiredNormalizer.normalize(connection, desired(desired), Schema.empty(SCHEMAS));
            assertEquals(ColumnType.of("status"), normalised.table(ORDERS).columns().get(0).type());
            try (ResultSet rows = statement.executeQuery("SELECT to_regclass('app.callers_work') IS NOT NULL")) {
                rows.next();
                assertTrue(rows.getBoolean(1), "the caller's work survives");
            }
            try (ResultSet rows = statement.executeQuery("SELECT to_regclass('pg_temp.gen_scratch_1')")) {
                rows.next();
                assertNull(rows.getString(1), "the scratch tables do not");
            }
            connection.rollback();
        }
    }

    @Test
    void normalisedDesiredSideEqualsTheIntrospectedTable() throws SQLException {
        // the whole table the way Hibernate would export it, and the model target would build from it
        withTable("""
                create table app.orders (id bigint generated by default as identity, version integer not null,
                    state varchar(255) check (state in ('NEW','PAID')), total numeric(38,2),
                    placed timestamp(6) with time zone, note varchar(255) default 'none',
                    primary key (id))""", () -> {
            Schema current = current();
            Table desired = new Table(ORDERS, List.of(
                    new Column("id", ColumnType.of("bigint"), false, null, Identity.BY_DEFAULT, null),
                    Column.of("version", "integer", false),
                    Column.of("state", "varchar(255)", true),
                    Column.of("total", "numeric(38,2)", true),
                    Column.of("placed", "timestamp(6) with time zone", true),
                    Column.of("note", "varchar(255)", true).withDefault("'none'")),
                    new PrimaryKey("orders_pkey", List.of("id")), List.of(), List.of(), List.of(),
                    List.of(new Check("orders_state_check", "state in ('NEW','PAID')", null)), null);
            Table normalised = normalize(desired(desired), current).schema().table(ORDERS);
            assertEquals(current.table(ORDERS), normalised.withChecks(withoutSources(normalised.checks())));
        });
    }

    @Test
    void leavesTablesThatNeedNothingUntouched() throws SQLException {
        withTable("create table app.orders (id bigint)", () -> {
            Schema current = current();
            Table plain = Table.of(ORDERS, List.of(Column.of("id", "int8", true)), null);
            NormalizationResult result = normalize(desired(plain), current);
            assertEquals(0, result.roundTrips());
            assertEquals(current.table(ORDERS), result.schema().table(ORDERS));
            assertFalse(result.schema().tables().isEmpty());
        });
    }
}
