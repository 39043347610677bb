package dev.gen.plan;

import static dev.gen.plan.Hazard.DATA_DEPENDENT;
import static dev.gen.plan.Hazard.DESTRUCTIVE;
import static dev.gen.plan.Hazard.LONG_LOCK;
import static dev.gen.plan.Hazard.NON_TRANSACTIONAL;
import static dev.gen.plan.Hazard.TABLE_REWRITE;
import static dev.gen.plan.LockLevel.ACCESS_EXCLUSIVE;
import static dev.gen.plan.LockLevel.NONE;
import static dev.gen.plan.LockLevel.ROW_EXCLUSIVE;
import static dev.gen.plan.LockLevel.SHARE;
import static dev.gen.plan.LockLevel.SHARE_ROW_EXCLUSIVE;
import static dev.gen.plan.LockLevel.SHARE_UPDATE_EXCLUSIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.diff.Change;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Must show 1 of issue 16: every kind of {@link Change}, in each statement form gen writes for it, with the lock
 * PostgreSQL 15 takes, the hazard classes, and what {@code down} risks, each row citing the documentation it
 * follows. The rows are checked twice: against the classifier, and, for the statements that run inside a
 * transaction on an existing table, against the locks a real PostgreSQL holds after running them ({@code pg_locks}).
 * A new kind of change fails {@link #everyKindOfChangeHasARow()} until it gets rows here.
 */
class HazardClassificationTest {

    private static final String ALTER_TABLE = "PG15 ALTER TABLE, Description: \"An ACCESS EXCLUSIVE lock is acquired"
            + " unless explicitly noted\"";
    private static final String LOCKS = "PG15 13.3.1 Table-Level Locks";

    static final QualifiedName T = QualifiedName.of("public", "t");
    static final QualifiedName C = QualifiedName.of("public", "c");
    static final QualifiedName LONELY = QualifiedName.of("public", "lonely");
    static final QualifiedName FRESH = QualifiedName.of("public", "fresh");
    static final EnumType MOOD = new EnumType(QualifiedName.of("public", "mood"), List.of("happy", "sad"));
    static final EnumType MOOD_MORE = new EnumType(MOOD.name(), List.of("happy", "sad", "meh"));
    static final EnumType UNUSED = new EnumType(QualifiedName.of("public", "unused_mood"), List.of("x"));
    static final Sequence S = new Sequence(QualifiedName.of("public", "s"), 1, 1);
    static final Check N_CHECK = new Check("t_n_check", "(n >= 0)", null);
    static final Check STATUS_AB = new Check("t_status_check",
            "((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))", null);
    static final Check STATUS_ABC = new Check("t_status_check",
            "((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying, 'C'::character varying])::text[]))",
            null);

    /**
     * One statement form.
     *
     * @param populated the table exists (and may hold rows) when the statement runs
     * @param online gen renders the online form ({@code --online})
     * @param others further changes of the same migration that decide the class (a dropped check a new one widens)
     * @param live whether the lock is also checked on PostgreSQL (in a transaction, on the fixture tables)
     */
    record Case(String form, Change change, boolean populated, boolean online, List<Change> others, LockLevel lock,
            Set<Hazard> hazards, Set<Hazard> downHazards, boolean dataRestored, String doc, boolean live) {

        /** A row whose statement cannot run on the fixture (it fails there by design, or needs a new table). */
        Case withoutLive() {
            return new Case(form, change, populated, online, others, lock, hazards, downHazards, dataRestored, doc,
                    false);
        }

        @Override
        public String toString() {
            return form;
        }
    }

    private static Case c(String form, Change change, boolean populated, LockLevel lock, Set<Hazard> hazards,
            Set<Hazard> down, boolean dataRestored, String doc) {
        return new Case(form, change, populated, false, List.of(), lock, hazards, down, dataRestored, doc, true);
    }

    private static Case online(String form, Change change, LockLevel lock, Set<Hazard> hazards, Set<Hazard> down,
            String doc) {
        return new Case(form, change, true, true, List.of(), lock, hazards, down, true, doc, false);
    }

    private static Set<Hazard> of(Hazard... hazards) {
        return hazards.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(hazards));
    }

    static Stream<Case> cases() {
        Column note = Column.of("extra", "character varying(20)", true);
        Column required = Column.of("extra", "integer", false);
        Column constantDefault = Column.of("extra", "integer", false).withDefault("0");
        Column volatileDefault = Column.of("extra", "uuid", true).withDefault("gen_random_uuid()");
        Column identity = Column.of("extra", "bigint", false).withIdentity(Identity.BY_DEFAULT);
        Table fresh = Table.of(FRESH, List.of(Column.of("id", "bigint", false)), new PrimaryKey("fresh_pkey", List.of("id")));
        Table lonely = Table.of(LONELY, List.of(Column.of("id", "bigint", false)), null);
        ForeignKey cToT = new ForeignKey("c_t_fk", List.of("t_id"), T, List.of("id"), ForeignKey.NO_ACTION);
        ForeignKey cToT2 = new ForeignKey("c_t_fk2", List.of("t_id"), T, List.of("id"), ForeignKey.NO_ACTION);
        ForeignKey freshToT = new ForeignKey("fresh_t_fk", List.of("id"), T, List.of("id"), ForeignKey.NO_ACTION);
        Index nIndex = Index.of("t_n_idx", false, IndexKey.column("n"));
        Index nUnique = Index.of("t_n_uidx", true, IndexKey.column("n"));
        Index nameIndex = Index.of("t_name_idx", false, IndexKey.column("name"));
        String typeDoc = "PG15 ALTER TABLE, Notes: \"changing the type of an existing column will require the entire"
                + " table and its indexes to be rewritten\"; exceptions: binary coercible types and";
        return Stream.of(
                c("CREATE SCHEMA", new Change.CreateSchema("audit"), false, NONE, of(), of(), true,
                        "PG15 CREATE SCHEMA: no table is locked"),
                c("DROP SCHEMA (empty, no CASCADE)", new Change.DropSchema("audit"), false, NONE, of(), of(), true,
                        "PG15 DROP SCHEMA: refuses a schema that holds objects; no table is locked").withoutLive(),
                c("CREATE TABLE", new Change.CreateTable(fresh), false, NONE, of(), of(DESTRUCTIVE), true,
                        "PG15 CREATE TABLE: only the new table is locked; down's DROP TABLE loses rows written since"),
                c("DROP TABLE", new Change.DropTable(lonely), true, ACCESS_EXCLUSIVE, of(DESTRUCTIVE), of(), false,
                        LOCKS + ", ACCESS EXCLUSIVE: \"Acquired by the DROP TABLE ... commands\""),
                c("ALTER TABLE RENAME TO", new Change.RenameTable(LONELY, QualifiedName.of("public", "lonely2")), true,
                        ACCESS_EXCLUSIVE, of(), of(), true, ALTER_TABLE + " (RENAME)"),
                c("ADD COLUMN nullable", new Change.AddColumn(T, note), true, ACCESS_EXCLUSIVE, of(), of(DESTRUCTIVE),
                        true, ALTER_TABLE + "; Notes: a column without default or with a non-volatile one is added"
                                + " without a rewrite (PG11+); down's DROP COLUMN loses its data"),
                c("ADD COLUMN NOT NULL without default", new Change.AddColumn(T, required), true, ACCESS_EXCLUSIVE,
                        of(DATA_DEPENDENT), of(DESTRUCTIVE), true,
                        ALTER_TABLE + "; fails with 'contains null values' when the table has a row").withoutLive(),
                c("ADD COLUMN NOT NULL DEFAULT constant", new Change.AddColumn(T, constantDefault), true,
                        ACCESS_EXCLUSIVE, of(), of(DESTRUCTIVE), true, "PG15 ALTER TABLE, Notes: \"When a column is"
                                + " added with ADD COLUMN and a non-volatile DEFAULT is specified, the default is evaluated"
                                + " at the time of the statement and the result stored in the table's metadata\""),
                c("ADD COLUMN DEFAULT volatile", new Change.AddColumn(T, volatileDefault), true, ACCESS_EXCLUSIVE,
                        of(TABLE_REWRITE, LONG_LOCK), of(DESTRUCTIVE), true, "PG15 ALTER TABLE, Notes: \"Adding a column"
                                + " with a volatile DEFAULT ... will require the entire table and its indexes to be"
                                + " rewritten\""),
                c("ADD COLUMN GENERATED AS IDENTITY", new Change.AddColumn(T, identity), true, ACCESS_EXCLUSIVE,
                        of(TABLE_REWRITE, LONG_LOCK), of(DESTRUCTIVE), true, "PG15 ALTER TABLE, Notes: \"... or an"
                                + " identity column ... will require the entire table and its indexes to be rewritten\""),
                c("DROP COLUMN", new Change.DropColumn(T, Column.of("note", "text", true)), true, ACCESS_EXCLUSIVE,
                        of(DESTRUCTIVE), of(), false, "PG15 ALTER TABLE, Notes: \"The DROP COLUMN form does not"
                                + " physically remove the column, but simply makes it invisible\" (no rewrite)"),
                c("DROP COLUMN NOT NULL (down re-adds it)", new Change.DropColumn(T, Column.of("id2", "bigint", false)),
                        true, ACCESS_EXCLUSIVE, of(DESTRUCTIVE), of(DATA_DEPENDENT), false,
                        ALTER_TABLE + "; down's ADD COLUMN NOT NULL without default fails once the table has rows"),
                c("ALTER TABLE RENAME COLUMN", new Change.RenameColumn(T, "note", "remark"), true, ACCESS_EXCLUSIVE,
                        of(), of(), true, ALTER_TABLE + " (RENAME COLUMN)"),
                c("UPDATE ... SET col = expr WHERE col IS NULL (backfill)", new Change.Backfill(T, "note", "'x'"), true,
                        ROW_EXCLUSIVE, of(DATA_DEPENDENT, LONG_LOCK), of(), true, LOCKS + ", ROW EXCLUSIVE: \"The"
                                + " commands UPDATE, DELETE, and INSERT acquire this lock mode\"; 13.3.2 Row-Level Locks"),
                c("ALTER COLUMN TYPE varchar widening", new Change.AlterColumnType(T, "name", type("character varying(20)"),
                        type("character varying(40)"), null), true, ACCESS_EXCLUSIVE, of(),
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true,
                        typeDoc + " \"increasing the length limit for a varchar\" (PG9.2 release notes)"),
                c("ALTER COLUMN TYPE varchar to text", new Change.AlterColumnType(T, "name", type("character varying(20)"),
                        type("text"), null), true, ACCESS_EXCLUSIVE, of(), of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK),
                        true, typeDoc + " varchar and text are binary coercible"),
                c("ALTER COLUMN TYPE numeric precision up, same scale", new Change.AlterColumnType(T, "amount",
                        type("numeric(10,2)"), type("numeric(12,2)"), null), true, ACCESS_EXCLUSIVE, of(),
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true,
                        typeDoc + " \"increasing the allowable precision of a numeric column\" (PG9.2 release notes)"),
                c("ALTER COLUMN TYPE timestamp precision up", new Change.AlterColumnType(T, "at",
                        type("timestamp(3) without time zone"), type("timestamp(6) without time zone"), null), true,
                        ACCESS_EXCLUSIVE, of(), of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true,
                        typeDoc + " \"similar cases involving the interval, timestamp, and timestamptz types\""),
                c("ALTER COLUMN TYPE integer to bigint", new Change.AlterColumnType(T, "n", type("integer"),
                        type("bigint"), null), true, ACCESS_EXCLUSIVE, of(TABLE_REWRITE, LONG_LOCK),
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true, typeDoc + " integer and bigint are not"
                                + " binary coercible: a rewrite"),
                c("ALTER COLUMN TYPE narrowing, guarded", new Change.AlterColumnType(T, "name",
                        type("character varying(20)"), type("character varying(10)"), null), true, ACCESS_EXCLUSIVE,
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), of(), true, typeDoc + "; gen's DO block counts"
                                + " the rows that would not fit and aborts before the change: nothing is cut"),
                c("ALTER COLUMN TYPE ... USING conversion on a populated table", new Change.AlterColumnType(T, "name",
                        type("character varying(20)"), type("integer"), "(name)::integer"), true, ACCESS_EXCLUSIVE,
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK),
                        true, typeDoc + "; a value that does not convert fails the statement"),
                c("ALTER COLUMN SET NOT NULL", new Change.AlterColumnNullability(T, "note", false), true,
                        ACCESS_EXCLUSIVE, of(DATA_DEPENDENT, LONG_LOCK), of(), true, "PG15 ALTER TABLE, SET/DROP NOT"
                                + " NULL: \"SET NOT NULL ... will require a full table scan to verify\""),
                c("ALTER COLUMN DROP NOT NULL", new Change.AlterColumnNullability(T, "id", true), true,
                        ACCESS_EXCLUSIVE, of(), of(DATA_DEPENDENT, LONG_LOCK), true,
                        ALTER_TABLE + "; down's SET NOT NULL fails on nulls written since").withoutLive(),
                c("ALTER COLUMN SET DEFAULT", new Change.AlterColumnDefault(T, "n", null, "1"), true, ACCESS_EXCLUSIVE,
                        of(), of(), true, ALTER_TABLE + "; Notes: \"SET DEFAULT ... does not change the existing rows\""),
                c("ALTER COLUMN ADD GENERATED AS IDENTITY", new Change.AlterColumnIdentity(T, "id", null,
                        Identity.BY_DEFAULT), true, ACCESS_EXCLUSIVE, of(), of(), true,
                        ALTER_TABLE + " (ADD GENERATED AS IDENTITY: no rewrite, existing values stay; the largest value is read"
                                + " to continue the sequence after it)"),
                c("COMMENT ON COLUMN", new Change.SetColumnComment(T, "n", null, "count"), true, SHARE_UPDATE_EXCLUSIVE,
                        of(), of(), true, LOCKS + ", SHARE UPDATE EXCLUSIVE: \"Acquired by ... COMMENT ON\""),
                c("COMMENT ON TABLE", new Change.SetTableComment(T, null, "things"), true, SHARE_UPDATE_EXCLUSIVE,
                        of(), of(), true, LOCKS + ", SHARE UPDATE EXCLUSIVE: \"Acquired by ... COMMENT ON\""),
                c("ADD PRIMARY KEY", new Change.AddPrimaryKey(C, new PrimaryKey("c_pkey", List.of("id"))), true,
                        ACCESS_EXCLUSIVE, of(DATA_DEPENDENT, LONG_LOCK), of(), true, ALTER_TABLE + " (ADD"
                                + " table_constraint); CREATE INDEX: a unique index is built, failing on duplicates"),
                c("DROP PRIMARY KEY", new Change.DropPrimaryKey(T, new PrimaryKey("t_pkey", List.of("id"))), true,
                        ACCESS_EXCLUSIVE, of(), of(DATA_DEPENDENT, LONG_LOCK), true,
                        ALTER_TABLE + " (DROP CONSTRAINT); down re-adds it, failing on duplicates written since")
                        .withoutLive(),
                c("ADD FOREIGN KEY", new Change.AddForeignKey(C, cToT2), true, SHARE_ROW_EXCLUSIVE,
                        of(DATA_DEPENDENT, LONG_LOCK), of(), true, "PG15 ALTER TABLE, ADD table_constraint: \"ADD"
                                + " FOREIGN KEY requires only a SHARE ROW EXCLUSIVE lock ... also ... on the referenced"
                                + " table\""),
                c("ADD FOREIGN KEY on a new table", new Change.AddForeignKey(FRESH, freshToT), false,
                        SHARE_ROW_EXCLUSIVE, of(), of(), true, "PG15 ALTER TABLE, ADD table_constraint: the referenced"
                                + " table takes SHARE ROW EXCLUSIVE; the new table has no rows to validate").withoutLive(),
                c("DROP FOREIGN KEY", new Change.DropForeignKey(C, cToT), true, ACCESS_EXCLUSIVE, of(),
                        of(DATA_DEPENDENT, LONG_LOCK), true, ALTER_TABLE + " (DROP CONSTRAINT; its triggers on the"
                                + " referenced table are dropped under ACCESS EXCLUSIVE too)"),
                c("ADD UNIQUE", new Change.AddUniqueKey(T, new UniqueKey("t_n_key", List.of("n"))), true,
                        ACCESS_EXCLUSIVE, of(DATA_DEPENDENT, LONG_LOCK), of(), true,
                        ALTER_TABLE + " (ADD table_constraint builds a unique index)"),
                c("DROP UNIQUE", new Change.DropUniqueKey(T, new UniqueKey("t_code_key", List.of("code"))), true,
                        ACCESS_EXCLUSIVE, of(), of(DATA_DEPENDENT, LONG_LOCK), true,
                        ALTER_TABLE + " (DROP CONSTRAINT); down re-adds it, failing on duplicates written since"),
                c("CREATE INDEX", new Change.CreateIndex(T, nIndex), true, SHARE, of(LONG_LOCK), of(), true,
                        "PG15 CREATE INDEX, Building Indexes Concurrently: \"a normal index build locks out writes (but"
                                + " not reads) on the table until it's done\"; " + LOCKS + ", SHARE"),
                c("CREATE UNIQUE INDEX", new Change.CreateIndex(T, nUnique), true, SHARE, of(DATA_DEPENDENT, LONG_LOCK),
                        of(), true, "PG15 CREATE INDEX: a unique index fails on duplicate values"),
                c("CREATE INDEX on a new table", new Change.CreateIndex(FRESH, nIndex), false, NONE, of(), of(), true,
                        "PG15 CREATE INDEX: the new table has no rows and no other session uses it").withoutLive(),
                c("DROP INDEX", new Change.DropIndex(T, nameIndex), true, ACCESS_EXCLUSIVE, of(), of(LONG_LOCK), true,
                        "PG15 DROP INDEX: \"A normal DROP INDEX acquires an ACCESS EXCLUSIVE lock on the table\";"
                                + " down's CREATE INDEX takes SHARE while it builds"),
                c("ADD CHECK", new Change.AddCheck(T, new Check("t_n_positive", "(n > 0)", null)), true,
                        ACCESS_EXCLUSIVE, of(DATA_DEPENDENT, LONG_LOCK), of(), true, ALTER_TABLE + " (ADD"
                                + " table_constraint: existing rows are scanned to validate it)"),
                new Case("ADD CHECK admitting more values than the one dropped (STRING enum gained a value)",
                        new Change.AddCheck(T, STATUS_ABC), true, false, List.of(new Change.DropCheck(T, STATUS_AB)),
                        ACCESS_EXCLUSIVE, of(LONG_LOCK), of(), true, ALTER_TABLE + "; every row the dropped check"
                                + " admitted passes the wider one", false),
                c("DROP CHECK", new Change.DropCheck(T, N_CHECK), true, ACCESS_EXCLUSIVE, of(),
                        of(DATA_DEPENDENT, LONG_LOCK), true,
                        ALTER_TABLE + " (DROP CONSTRAINT); down re-adds it, failing on rows written since"),
                c("CREATE SEQUENCE", new Change.CreateSequence(new Sequence(QualifiedName.of("public", "s2"), 1, 50)),
                        false, NONE, of(), of(DESTRUCTIVE), true, "PG15 CREATE SEQUENCE: no table is locked;"
                                + " down's DROP SEQUENCE loses its current value"),
                c("DROP SEQUENCE", new Change.DropSequence(S), false, NONE, of(DESTRUCTIVE), of(), false,
                        "PG15 DROP SEQUENCE: its current value is lost"),
                c("ALTER SEQUENCE INCREMENT", new Change.AlterSequence(S, new Sequence(S.name(), 1, 50)), false, NONE,
                        of(), of(), true, "PG15 ALTER SEQUENCE: locks the sequence only"),
                c("CREATE TYPE AS ENUM", new Change.CreateEnumType(new EnumType(QualifiedName.of("public", "e2"),
                        List.of("a"))), false, NONE, of(), of(), true, "PG15 CREATE TYPE: no table is locked"),
                c("DROP TYPE", new Change.DropEnumType(UNUSED), false, NONE, of(), of(), true,
                        "PG15 DROP TYPE (no CASCADE: refuses a type in use); no table is locked"),
                c("ALTER TYPE ADD VALUE", new Change.AddEnumValue(MOOD, MOOD_MORE, "meh", null), false, NONE, of(),
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true, "PG15 ALTER TYPE, Notes: ADD VALUE inside a"
                                + " transaction (PG12+); no table lock. Down rebuilds the type without the label: it fails"
                                + " on rows that use it"),
                c("ALTER TYPE RENAME VALUE", new Change.RenameEnumValue(MOOD, new EnumType(MOOD.name(),
                        List.of("happy", "blue")), "sad", "blue"), false, NONE, of(), of(), true,
                        "PG15 ALTER TYPE RENAME VALUE: rows keep their value; no table lock"),
                c("redefine enum type (columns converted through text)", new Change.ReplaceEnumType(MOOD_MORE, MOOD),
                        true, ACCESS_EXCLUSIVE, of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK),
                        of(DATA_DEPENDENT, TABLE_REWRITE, LONG_LOCK), true, typeDoc + "; a removed label in use fails"
                                + " the cast"),
                online("CREATE INDEX CONCURRENTLY", new Change.CreateIndex(T, nIndex), SHARE_UPDATE_EXCLUSIVE,
                        of(NON_TRANSACTIONAL), of(NON_TRANSACTIONAL), "PG15 CREATE INDEX, Building Indexes Concurrently;"
                                + " \"cannot be executed inside a transaction block\"; " + LOCKS + ", SHARE UPDATE"
                                + " EXCLUSIVE"),
                online("CREATE UNIQUE INDEX CONCURRENTLY", new Change.CreateIndex(T, nUnique), SHARE_UPDATE_EXCLUSIVE,
                        of(NON_TRANSACTIONAL, DATA_DEPENDENT), of(NON_TRANSACTIONAL), "PG15 CREATE INDEX, Building"
                                + " Indexes Concurrently: a uniqueness violation leaves an invalid index"),
                online("DROP INDEX CONCURRENTLY", new Change.DropIndex(T, nameIndex), SHARE_UPDATE_EXCLUSIVE,
                        of(NON_TRANSACTIONAL), of(NON_TRANSACTIONAL), "PG15 DROP INDEX CONCURRENTLY"),
                online("ADD CHECK NOT VALID, VALIDATE", new Change.AddCheck(T, new Check("t_n_positive", "(n > 0)",
                        null)), SHARE_UPDATE_EXCLUSIVE, of(NON_TRANSACTIONAL, DATA_DEPENDENT), of(),
                        "PG15 ALTER TABLE, VALIDATE CONSTRAINT: \"acquires only a SHARE UPDATE EXCLUSIVE lock on the"
                                + " table being altered\""),
                online("ADD FOREIGN KEY NOT VALID, VALIDATE", new Change.AddForeignKey(C, cToT2), SHARE_UPDATE_EXCLUSIVE,
                        of(NON_TRANSACTIONAL, DATA_DEPENDENT), of(), "PG15 ALTER TABLE, VALIDATE CONSTRAINT"),
                online("ADD UNIQUE via CREATE UNIQUE INDEX CONCURRENTLY", new Change.AddUniqueKey(T,
                        new UniqueKey("t_n_key", List.of("n"))), SHARE_UPDATE_EXCLUSIVE,
                        of(NON_TRANSACTIONAL, DATA_DEPENDENT), of(), "PG15 CREATE INDEX CONCURRENTLY, then ALTER TABLE"
                                + " ADD CONSTRAINT ... USING INDEX (brief)"),
                online("SET NOT NULL through a validated check", new Change.AlterColumnNullability(T, "note", false),
                        SHARE_UPDATE_EXCLUSIVE, of(NON_TRANSACTIONAL, DATA_DEPENDENT), of(), "PG15 ALTER TABLE, SET NOT"
                                + " NULL: \"the full table scan ... skipped if a valid CHECK constraint is found which proves"
                                + " no NULL can exist\""));
    }

    private static ColumnType type(String sql) {
        return ColumnType.of(sql);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesAsDocumented(Case row) {
        SqlRenderer renderer = new SqlRenderer(new RenderOptions(row.online()));
        List<Change> direction = Stream.concat(Stream.of(row.change()), row.others().stream()).toList();
        Risk up = Hazards.up(row.change(), row.populated(), renderer, new Hazards.Context(direction));
        Risk down = Hazards.down(row.change(), row.populated(), renderer, Hazards.Context.inverseOf(direction));
        assertEquals(row.lock(), up.lock().level(), "lock of " + row.form() + " (" + row.doc() + ")");
        assertEquals(new TreeSet<>(row.hazards()), new TreeSet<>(up.hazards()), "hazards of " + row.form());
        assertEquals(new TreeSet<>(row.downHazards()), new TreeSet<>(down.hazards()), "down hazards of " + row.form());
        assertEquals(row.dataRestored(), Hazards.dataRestored(row.change()), "down restores data of " + row.form());
        assertTrue(!row.doc().isBlank());
    }

    @Test
    void everyKindOfChangeHasARow() {
        Set<String> covered = cases().map(row -> row.change().getClass().getName()).collect(Collectors.toSet());
        Set<String> kinds = Arrays.stream(Change.class.getPermittedSubclasses()).map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        kinds.removeAll(covered);
        assertEquals(Set.of(), kinds, "kinds of change without a row in the hazard table");
    }

    // ---- the same rows against a real PostgreSQL: the strongest lock held on the fixture's tables

    private static TestDatabase database;

    @BeforeAll
    static void fixture() {
        database = TestDatabase.create("hazard_locks");
        SqlRenderer renderer = new SqlRenderer(RenderOptions.defaults());
        renderer.render(new Change.CreateEnumType(MOOD)).forEach(database::execute);
        renderer.render(new Change.CreateEnumType(UNUSED)).forEach(database::execute);
        database.execute("CREATE SEQUENCE s",
                "CREATE TABLE t (id bigint NOT NULL, id2 bigint NOT NULL DEFAULT 0, name varchar(20), n integer, code varchar(10), m mood, note text,"
                        + " amount numeric(10,2), at timestamp(3), status varchar(1),"
                        + " CONSTRAINT t_pkey PRIMARY KEY (id), CONSTRAINT t_code_key UNIQUE (code),"
                        + " CONSTRAINT t_n_check CHECK (n >= 0), CONSTRAINT t_status_check CHECK (status IN ('A', 'B')))",
                "CREATE INDEX t_name_idx ON t (name)",
                "CREATE TABLE c (id bigint NOT NULL, t_id bigint, CONSTRAINT c_t_fk FOREIGN KEY (t_id) REFERENCES t (id))",
                "CREATE TABLE lonely (id bigint NOT NULL)",
                "INSERT INTO t (id, name, n, code, m, note, amount, at, status)"
                        + " VALUES (1, '12', 1, 'x', 'happy', 'n', 1.5, now(), 'A')",
                "INSERT INTO c VALUES (1, 1)", "INSERT INTO lonely VALUES (1)");
    }

    @AfterAll
    static void dropFixture() {
        database.close();
    }

    static Stream<Case> liveCases() {
        return cases().filter(Case::live);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveCases")
    void postgresTakesTheClassifiedLock(Case row) throws SQLException {
        SqlRenderer renderer = new SqlRenderer(RenderOptions.defaults());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                String tables = oids(statement); // before the statements: a rename changes the name, not the oid
                Map<String, String> files = relationFiles(statement, tables);
                for (String sql : renderer.render(row.change(), row.populated())) {
                    statement.execute(sql);
                }
                assertEquals(row.lock(), strongestLock(statement, tables), row.form() + " (" + row.doc() + ")");
                Map<String, String> after = relationFiles(statement, tables);
                boolean rewritten = after.entrySet().stream()
                        .anyMatch(file -> files.containsKey(file.getKey()) && !files.get(file.getKey()).equals(file.getValue()));
                assertEquals(row.hazards().contains(TABLE_REWRITE), rewritten,
                        "PostgreSQL rewrote a table (a new relfilenode) for " + row.form());
            } finally {
                connection.rollback();
            }
        }
    }

    private static String oids(Statement statement) throws SQLException {
        try (ResultSet oids = statement.executeQuery("SELECT string_agg(oid::text, ',') FROM pg_class"
                + " WHERE relnamespace = 'public'::regnamespace AND relname IN ('t', 'c', 'lonely')")) {
            oids.next();
            return oids.getString(1);
        }
    }

    /** Each fixture table's file: a rewrite gives the table a new relfilenode. */
    private static Map<String, String> relationFiles(Statement statement, String tables) throws SQLException {
        Map<String, String> files = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT oid, relfilenode FROM pg_class WHERE oid IN (" + tables
                + ")")) {
            while (rows.next()) {
                files.put(rows.getString(1), rows.getString(2));
            }
        }
        return files;
    }

    /** The strongest lock this session holds on the fixture's tables (oids: a fixed list read from the catalog). */
    private static LockLevel strongestLock(Statement statement, String tables) throws SQLException {
        LockLevel strongest = NONE;
        try (ResultSet locks = statement.executeQuery("SELECT l.mode FROM pg_locks l"
                + " WHERE l.pid = pg_backend_pid() AND l.relation IN (" + tables + ")")) {
            while (locks.next()) {
                LockLevel level = switch (locks.getString(1)) {
                    case "RowExclusiveLock" -> ROW_EXCLUSIVE;
                    case "ShareUpdateExclusiveLock" -> SHARE_UPDATE_EXCLUSIVE;
                    case "ShareLock" -> SHARE;
                    case "ShareRowExclusiveLock" -> SHARE_ROW_EXCLUSIVE;
                    case "AccessExclusiveLock" -> ACCESS_EXCLUSIVE;
                    case "ExclusiveLock" -> throw new AssertionError("EXCLUSIVE is not modelled");
                    default -> NONE; // ACCESS SHARE, ROW SHARE: reads, which block only ACCESS EXCLUSIVE
                };
                if (level.compareTo(strongest) > 0) {
                    strongest = level;
                }
            }
        }
        return strongest;
    }
}
