package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.diff.Change;
import dev.gen.diff.DiffOptions;
import dev.gen.diff.SchemaDiff;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnRef;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import dev.gen.pg.SqlRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline's case table, in the spirit of sqldef's {@code current / desired / up / down} files and migra's
 * fixture pairs: each case is a current schema, a desired schema (and the user's renames or backfills), and the
 * exact SQL that {@code up} and {@code down} must hold. One parameterised test runs them through the pure diff,
 * the planner and the renderer, without a database; {@link #everyChangeKindHasACase()} keeps the table complete.
 * The expected SQL is written by hand from PostgreSQL's documented syntax; the fidelity tests of gen-tests run the
 * same pipeline against a real server.
 */
class ChangeCasesTest {

    private static final String PUBLIC = "public";
    private static final QualifiedName USERS = QualifiedName.of(PUBLIC, "users");
    private static final QualifiedName ORDERS = QualifiedName.of(PUBLIC, "orders");
    private static final QualifiedName ROLE = QualifiedName.of(PUBLIC, "role");
    private static final QualifiedName USERS_SEQ = QualifiedName.of(PUBLIC, "users_seq");
    private static final String CREATE_USERS = """
                CREATE TABLE "public"."users" (
                    "id" bigint NOT NULL,
                    "email" varchar(255) NOT NULL,
                    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
                )""";

    record Case(String name, Schema current, Schema desired, DiffOptions options, Map<ColumnRef, String> backfills,
            List<String> up, List<String> down) {
        @Override
        public String toString() {
            return name;
        }
    }

    // ---- the table ------------------------------------------------------------------------------------------

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // tables
        cases.add(new Case("create a table with its primary key", schema(), schema(users()), none(), Map.of(),
                List.of(CREATE_USERS),
                List.of("DROP TABLE \"public\".\"users\"")));
        cases.add(new Case("drop a table", schema(users()), schema(), none(), Map.of(),
                List.of("DROP TABLE \"public\".\"users\""),
                List.of(CREATE_USERS)));
        cases.add(new Case("rename a table", schema(users()), schema(users().withName(QualifiedName.of(PUBLIC,
                        "accounts")).withPrimaryKey(new PrimaryKey("users_pkey", List.of("id")))),
                new DiffOptions(Map.of(USERS, QualifiedName.of(PUBLIC, "accounts")), Map.of()), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" RENAME TO \"accounts\""),
                List.of("ALTER TABLE \"public\".\"accounts\" RENAME TO \"users\"")));
        cases.add(new Case("a table in a new schema", schemaIn(Set.of(PUBLIC)),
                schemaIn(Set.of(PUBLIC, "sales"), table(QualifiedName.of("sales", "orders"), "orders_pkey",
                        Column.of("id", "bigint", false))), none(), Map.of(),
                List.of("CREATE SCHEMA \"sales\"", """
                        CREATE TABLE "sales"."orders" (
                            "id" bigint NOT NULL,
                            CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
                        )"""),
                // down drops the schema its up created; an existing schema is never dropped
                List.of("DROP TABLE \"sales\".\"orders\"", "DROP SCHEMA \"sales\"")));
        cases.add(new Case("quoted and reserved names", schema(), schema(table(QualifiedName.of(PUBLIC, "User"),
                        "User_pkey", Column.of("id", "bigint", false), Column.of("select", "text", true),
                        Column.of("we\"ird", "text", true))), none(), Map.of(),
                List.of("""
                        CREATE TABLE "public"."User" (
                            "id" bigint NOT NULL,
                            "select" text,
                            "we""ird" text,
                            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                        )"""),
                List.of("DROP TABLE \"public\".\"User\"")));
        cases.add(new Case("set a table comment", schema(users()), schema(users().withComment("People's accounts")),
                none(), Map.of(),
                List.of("COMMENT ON TABLE \"public\".\"users\" IS 'People''s accounts'"),
                List.of("COMMENT ON TABLE \"public\".\"users\" IS NULL")));
        // columns
        cases.add(new Case("add a nullable column", schema(users()), schema(users(Column.of("notes", "text", true))),
                none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"notes\" text"),
                List.of("ALTER TABLE \"public\".\"users\" DROP COLUMN \"notes\"")));
        cases.add(new Case("add a NOT NULL column with a default", schema(users()),
                schema(users(Column.of("active", "boolean", false).withDefault("true"))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"active\" boolean DEFAULT true NOT NULL"),
                List.of("ALTER TABLE \"public\".\"users\" DROP COLUMN \"active\"")));
        cases.add(new Case("add a NOT NULL column with a backfill", schema(users()),
                schema(users(Column.of("points", "integer", false))), none(),
                Map.of(new ColumnRef(USERS, "points"), "0"),
                List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"points\" integer",
                        "UPDATE \"public\".\"users\" SET \"points\" = 0 WHERE \"points\" IS NULL",
                        "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"points\" SET NOT NULL"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"points\" DROP NOT NULL",
                        "ALTER TABLE \"public\".\"users\" DROP COLUMN \"points\"")));
        cases.add(new Case("drop a column", schema(users(Column.of("notes", "text", true))), schema(users()),
                none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" DROP COLUMN \"notes\""),
                List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN \"notes\" text")));
        cases.add(new Case("rename a column", schema(users(Column.of("nick", "text", true))),
                schema(users(Column.of("nickname", "text", true))),
                new DiffOptions(Map.of(), Map.of(USERS, Map.of("nick", "nickname"))), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" RENAME COLUMN \"nick\" TO \"nickname\""),
                List.of("ALTER TABLE \"public\".\"users\" RENAME COLUMN \"nickname\" TO \"nick\"")));
        cases.add(new Case("widen a varchar", schema(users(Column.of("nick", "character varying(20)", true))),
                schema(users(Column.of("nick", "character varying(40)", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" TYPE varchar(40)"),
                List.of("""
                        DO $gen$
                        DECLARE
                            offending bigint;
                        BEGIN
                            SELECT count(*) INTO offending FROM "public"."users" WHERE char_length("nick") > 20;
                            IF offending > 0 THEN
                                RAISE EXCEPTION 'gen: % row(s) of public.users.nick do not fit in character \
                        varying(20) (char_length("nick") > 20); the migration stops before the type change so that \
                        nothing is cut. Fix or delete those rows first.', offending USING ERRCODE = 'check_violation';
                            END IF;
                        END
                        $gen$""", "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" TYPE varchar(20)")));
        cases.add(new Case("integer to bigint", schema(users(Column.of("age", "integer", true))),
                schema(users(Column.of("age", "bigint", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE bigint"),
                // narrowing back: count the rows that would not fit and stop before anything is cut
                List.of("""
                        DO $gen$
                        DECLARE
                            offending bigint;
                        BEGIN
                            SELECT count(*) INTO offending FROM "public"."users" WHERE "age" NOT BETWEEN -2147483648 \
                        AND 2147483647;
                            IF offending > 0 THEN
                                RAISE EXCEPTION 'gen: % row(s) of public.users.age do not fit in integer ("age" NOT \
                        BETWEEN -2147483648 AND 2147483647); the migration stops before the type change so that \
                        nothing is cut. Fix or delete those rows first.', offending USING ERRCODE = 'check_violation';
                            END IF;
                        END
                        $gen$""", "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE integer")));
        cases.add(new Case("text to integer needs USING", schema(users(Column.of("age", "text", true))),
                schema(users(Column.of("age", "integer", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE integer USING \"age\"::integer"),
                // integer to text is an assignment cast: no USING needed
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE text")));
        cases.add(new Case("drop NOT NULL", schema(users(Column.of("nick", "text", false))),
                schema(users(Column.of("nick", "text", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" DROP NOT NULL"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" SET NOT NULL")));
        cases.add(new Case("set NOT NULL", schema(users(Column.of("nick", "text", true))),
                schema(users(Column.of("nick", "text", false))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" SET NOT NULL"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"nick\" DROP NOT NULL")));
        cases.add(new Case("set a default", schema(users(Column.of("currency", "text", true))),
                schema(users(Column.of("currency", "text", true).withDefault("'EUR'::text"))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"currency\" SET DEFAULT 'EUR'::text"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"currency\" DROP DEFAULT")));
        cases.add(new Case("change a default", schema(users(Column.of("n", "integer", true).withDefault("1"))),
                schema(users(Column.of("n", "integer", true).withDefault("2"))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" SET DEFAULT 2"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" SET DEFAULT 1")));
        cases.add(new Case("drop a default", schema(users(Column.of("n", "integer", true).withDefault("1"))),
                schema(users(Column.of("n", "integer", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" DROP DEFAULT"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" SET DEFAULT 1")));
        cases.add(new Case("make a column an identity", schema(users(Column.of("n", "bigint", false))),
                schema(users(Column.of("n", "bigint", false).withIdentity(Identity.BY_DEFAULT))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" ADD GENERATED BY DEFAULT AS IDENTITY",
                        "DO $gen$BEGIN PERFORM pg_catalog.setval(pg_catalog.pg_get_serial_sequence("
                                + "'\"public\".\"users\"', 'n'), max(\"n\")) FROM \"public\".\"users\""
                                + " HAVING max(\"n\") >= 1; END$gen$"),
                List.of("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"n\" DROP IDENTITY")));
        cases.add(new Case("set a column comment", schema(users()),
                schema(usersWith(Column.of("email", "character varying(255)", false).withComment("login"))),
                none(), Map.of(),
                List.of("COMMENT ON COLUMN \"public\".\"users\".\"email\" IS 'login'"),
                List.of("COMMENT ON COLUMN \"public\".\"users\".\"email\" IS NULL")));
        // keys and constraints
        cases.add(new Case("add a primary key", schema(table(USERS, null, Column.of("id", "bigint", false))),
                schema(table(USERS, "users_pkey", Column.of("id", "bigint", false))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\")"),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_pkey\"")));
        cases.add(new Case("drop a primary key", schema(table(USERS, "users_pkey", Column.of("id", "bigint", false))),
                schema(table(USERS, null, Column.of("id", "bigint", false))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_pkey\""),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\")")));
        cases.add(new Case("add a foreign key", schema(users(), orders()),
                schema(users(), orders().withForeignKeys(List.of(ordersUser("fk_orders_user")))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"fk_orders_user\" FOREIGN KEY"
                        + " (\"user_id\") REFERENCES \"public\".\"users\" (\"id\")"),
                List.of("ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"fk_orders_user\"")));
        cases.add(new Case("drop a foreign key", schema(users(), orders().withForeignKeys(List.of(
                        ordersUser("fk_orders_user")))), schema(users(), orders()), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"fk_orders_user\""),
                List.of("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"fk_orders_user\" FOREIGN KEY"
                        + " (\"user_id\") REFERENCES \"public\".\"users\" (\"id\")")));
        cases.add(new Case("a foreign key under another name is the same key", schema(users(),
                        orders().withForeignKeys(List.of(ordersUser("fk_old")))),
                schema(users(), orders().withForeignKeys(List.of(ordersUser("fk_new")))), none(), Map.of(),
                List.of(), List.of()));
        cases.add(new Case("a foreign key with ON DELETE CASCADE", schema(users(), orders()),
                schema(users(), orders().withForeignKeys(List.of(new ForeignKey("fk_orders_user",
                        List.of("user_id"), USERS, List.of("id"), "CASCADE")))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"fk_orders_user\" FOREIGN KEY"
                        + " (\"user_id\") REFERENCES \"public\".\"users\" (\"id\") ON DELETE CASCADE"),
                List.of("ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"fk_orders_user\"")));
        cases.add(new Case("two new tables and a key between them", schema(),
                schema(users(), orders().withForeignKeys(List.of(ordersUser("fk_orders_user")))), none(), Map.of(),
                List.of("""
                        CREATE TABLE "public"."orders" (
                            "id" bigint NOT NULL,
                            "user_id" bigint,
                            CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
                        )""", CREATE_USERS,
                        "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"fk_orders_user\" FOREIGN KEY"
                                + " (\"user_id\") REFERENCES \"public\".\"users\" (\"id\")"),
                List.of("ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"fk_orders_user\"",
                        "DROP TABLE \"public\".\"users\"",
                        "DROP TABLE \"public\".\"orders\"")));
        cases.add(new Case("add a unique key", schema(users()),
                schema(users().withUniqueKeys(List.of(new UniqueKey("uk_users_email", List.of("email"))))),
                none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"uk_users_email\" UNIQUE (\"email\")"),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"uk_users_email\"")));
        cases.add(new Case("drop a unique key", schema(users().withUniqueKeys(List.of(new UniqueKey(
                        "uk_users_email", List.of("email"))))), schema(users()), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"uk_users_email\""),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"uk_users_email\" UNIQUE (\"email\")")));
        cases.add(new Case("create an index", schema(users()), schema(users().withIndexes(List.of(Index.of(
                        "idx_users_email", false, IndexKey.column("email"))))), none(), Map.of(),
                List.of("CREATE INDEX \"idx_users_email\" ON \"public\".\"users\" (\"email\")"),
                List.of("DROP INDEX \"public\".\"idx_users_email\"")));
        cases.add(new Case("create a unique descending index", schema(users()), schema(users().withIndexes(List.of(
                        Index.of("idx_users_email", true, IndexKey.column("email", true))))), none(), Map.of(),
                List.of("CREATE UNIQUE INDEX \"idx_users_email\" ON \"public\".\"users\" (\"email\" DESC)"),
                List.of("DROP INDEX \"public\".\"idx_users_email\"")));
        cases.add(new Case("drop an index", schema(users().withIndexes(List.of(Index.of("idx_users_email", false,
                        IndexKey.column("email"))))), schema(users()), none(), Map.of(),
                List.of("DROP INDEX \"public\".\"idx_users_email\""),
                List.of("CREATE INDEX \"idx_users_email\" ON \"public\".\"users\" (\"email\")")));
        cases.add(new Case("an index under another name is the same index", schema(users().withIndexes(List.of(
                        Index.of("idx_a", false, IndexKey.column("email"))))), schema(users().withIndexes(List.of(
                        Index.of("idx_b", false, IndexKey.column("email"))))), none(), Map.of(),
                List.of(), List.of()));
        cases.add(new Case("add a check", schema(users(Column.of("age", "integer", true))),
                schema(users(Column.of("age", "integer", true)).withChecks(List.of(new Check("users_age_check",
                        "(age >= 0)", "age")))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_age_check\" CHECK ((age >= 0))"),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_age_check\"")));
        cases.add(new Case("drop a check", schema(users(Column.of("age", "integer", true)).withChecks(List.of(
                        new Check("users_age_check", "(age >= 0)", "age")))),
                schema(users(Column.of("age", "integer", true))), none(), Map.of(),
                List.of("ALTER TABLE \"public\".\"users\" DROP CONSTRAINT \"users_age_check\""),
                List.of("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_age_check\" CHECK ((age >= 0))")));
        // sequences
        cases.add(new Case("create a sequence", schema(), schemaWith(List.of(), List.of(new Sequence(USERS_SEQ, 1,
                        50)), List.of()), none(), Map.of(),
                List.of("CREATE SEQUENCE \"public\".\"users_seq\" START WITH 1 INCREMENT BY 50"),
                List.of("DROP SEQUENCE \"public\".\"users_seq\"")));
        cases.add(new Case("drop a sequence", schemaWith(List.of(), List.of(new Sequence(USERS_SEQ, 1, 50)),
                        List.of()), schema(), none(), Map.of(),
                List.of("DROP SEQUENCE \"public\".\"users_seq\""),
                List.of("CREATE SEQUENCE \"public\".\"users_seq\" START WITH 1 INCREMENT BY 50")));
        cases.add(new Case("change a sequence's increment", schemaWith(List.of(), List.of(new Sequence(USERS_SEQ, 1,
                        1)), List.of()), schemaWith(List.of(), List.of(new Sequence(USERS_SEQ, 1, 50)), List.of()),
                none(), Map.of(),
                List.of("ALTER SEQUENCE \"public\".\"users_seq\" INCREMENT BY 50"),
                List.of("ALTER SEQUENCE \"public\".\"users_seq\" INCREMENT BY 1")));
        // PostgreSQL enum types
        cases.add(new Case("create an enum type", schema(), schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "USER")))), none(), Map.of(),
                // with Hibernate's implicit casts, so that varchar parameters bind to the type
                List.of("CREATE TYPE \"public\".\"role\" AS ENUM ('ADMIN', 'USER')",
                        "CREATE CAST (varchar AS \"public\".\"role\") WITH INOUT AS IMPLICIT",
                        "CREATE CAST (\"public\".\"role\" AS varchar) WITH INOUT AS IMPLICIT"),
                // never CASCADE: the casts go first, by name (IF EXISTS: a type Hibernate's export made may have
                // none), and the type after them
                List.of("DROP CAST IF EXISTS (varchar AS \"public\".\"role\")",
                        "DROP CAST IF EXISTS (\"public\".\"role\" AS varchar)", "DROP TYPE \"public\".\"role\"")));
        cases.add(new Case("add an enum value at the end", schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "USER")))), schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "USER", "GUEST")))), none(), Map.of(),
                List.of("ALTER TYPE \"public\".\"role\" ADD VALUE 'GUEST'"),
                null));
        cases.add(new Case("add an enum value before another", schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "USER")))), schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "EDITOR", "USER")))), none(), Map.of(),
                List.of("ALTER TYPE \"public\".\"role\" ADD VALUE 'EDITOR' BEFORE 'USER'"),
                null));
        cases.add(new Case("rename an enum value", schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "USER")))), schemaWith(List.of(), List.of(),
                        List.of(new EnumType(ROLE, List.of("ADMIN", "MEMBER")))),
                new DiffOptions(Map.of(), Map.of(), Map.of(ROLE, Map.of("USER", "MEMBER"))), Map.of(),
                List.of("ALTER TYPE \"public\".\"role\" RENAME VALUE 'USER' TO 'MEMBER'"),
                List.of("ALTER TYPE \"public\".\"role\" RENAME VALUE 'MEMBER' TO 'USER'")));
        return cases.stream();
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void upAndDownAreTheExpectedStatements(Case c) {
        Plan plan = plan(c);
        assertEquals(c.up(), plan.upStatements(), "up of " + c.name());
        if (c.down() != null) { // null: down rebuilds a type, checked by the enum tests of gen-tests on a server
            assertEquals(c.down(), plan.downStatements(), "down of " + c.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDesiredSchemaAgainstItselfIsNoChange(Case c) {
        assertEquals(List.of(), SchemaDiff.diff(c.desired(), c.desired()), c.name());
    }

    /**
     * Every kind of {@link Change} is rendered by some case, in {@code up} or as the inverse that {@code down}
     * renders, so that a new kind cannot be added without its case (and a renderer that forgot it would throw here).
     */
    @Test
    void everyChangeKindHasACase() {
        Set<String> rendered = new TreeSet<>();
        cases().forEach(c -> plan(c).steps().forEach(step -> {
            rendered.add(step.change().getClass().getSimpleName());
            rendered.add(step.change().inverse().getClass().getSimpleName());
            // the lock budget that splits large plans must know every kind too, in both directions
            assertTrue(LockBudget.footprint(step.change()).relations().size() <= 2, c.name());
            assertTrue(LockBudget.footprint(step.change().inverse()).others() >= 0, c.name());
        }));
        Set<String> all = new TreeSet<>();
        Arrays.stream(Change.class.getPermittedSubclasses()).forEach(k -> all.add(k.getSimpleName()));
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(rendered);
        assertEquals(Set.of(), missing, "Change kinds without a case in the table");
    }

    private static Plan plan(Case c) {
        List<Change> changes = SchemaDiff.diff(c.current(), c.desired(), c.options());
        return new Planner(new SqlRenderer()).plan(changes, SchemaDiff.applyRenames(c.current(), c.options()),
                Map.of(), c.backfills());
    }

    // ---- building schemas -----------------------------------------------------------------------------------

    private static DiffOptions none() {
        return DiffOptions.defaults();
    }

    private static Table users(Column... more) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", "bigint", false),
                Column.of("email", "character varying(255)", false)));
        columns.addAll(List.of(more));
        return Table.of(USERS, columns, new PrimaryKey("users_pkey", List.of("id")));
    }

    /** users with its email column replaced. */
    private static Table usersWith(Column email) {
        return Table.of(USERS, List.of(Column.of("id", "bigint", false), email),
                new PrimaryKey("users_pkey", List.of("id")));
    }

    private static Table orders() {
        return Table.of(ORDERS, List.of(Column.of("id", "bigint", false), Column.of("user_id", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id")));
    }

    private static ForeignKey ordersUser(String name) {
        return new ForeignKey(name, List.of("user_id"), USERS, List.of("id"), ForeignKey.NO_ACTION);
    }

    private static Table table(QualifiedName name, String primaryKeyName, Column... columns) {
        return Table.of(name, List.of(columns),
                primaryKeyName == null ? null : new PrimaryKey(primaryKeyName, List.of(columns[0].name())));
    }

    private static Schema schema(Table... tables) {
        return schemaWith(List.of(tables), List.of(), List.of());
    }

    private static Schema schemaIn(Set<String> schemas, Table... tables) {
        return Schema.of(schemas, List.of(tables), List.of(), List.of());
    }

    private static Schema schemaWith(List<Table> tables, List<Sequence> sequences, List<EnumType> enums) {
        return Schema.of(Set.of(PUBLIC), tables, sequences, enums);
    }
}
