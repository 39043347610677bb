package dev.gen.normalize;

import dev.gen.introspect.Introspector;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.EnumType;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.pg.EnumTypeSql;
import dev.gen.pg.Sql;
import dev.gen.pg.SqlRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What the normaliser sends to PostgreSQL, packed into few temporary tables: creating a table costs far more
 * than a column, and a large schema repeats the same texts. Each text is sent once:
 * <ul>
 *   <li>defaults of known-type columns, by (type, default), as columns of shared tables: a default cannot
 *       mention a column;
 *   <li>raw-type columns, by (name, type text, default), in shared tables where the name is free (the name stays
 *       because a {@code columnDefinition}'s own check mentions it);
 *   <li>checks and expression or partial indexes, by the text and the columns they may mention
 *       ({@link ScratchRules#mentionedColumns}), in shared tables that have those columns with those types (a
 *       column more does no harm: a valid expression cannot mention a column its own table lacks).
 * </ul>
 * Before them come the enum types, sequences and schemas of the desired side that do not exist yet (a column
 * may have an enum type, a default may call {@code nextval} on a new sequence). All of it lives in a
 * transaction that is rolled back.
 */
final class ScratchPlan {

    /** Well below PostgreSQL's 1600 columns a table. */
    private static final int COLUMNS_PER_TABLE = 1000;

    /** Where a text's reading will be found: a scratch table and a column, constraint or index in it. */
    record Slot(String table, String element) {
    }

    record DefaultKey(String type, String expression) {
    }

    record ColumnKey(String name, String type, String defaultExpression) {
    }

    record CheckKey(SortedMap<String, String> columns, String expression) {
    }

    record IndexKeyText(SortedMap<String, String> columns, List<IndexKey> keys, String method, String predicate) {
    }

    final List<Table> probedTables = new ArrayList<>();
    final List<String> prerequisites;
    private final Collection<String> schemas;
    private final Schema current;
    private final List<ProbeTable> tables = new ArrayList<>();
    private final Map<DefaultKey, Slot> defaults = new LinkedHashMap<>();
    private final Map<ColumnKey, Slot> rawColumns = new LinkedHashMap<>();
    private final Map<CheckKey, Slot> checks = new LinkedHashMap<>();
    private final Map<IndexKeyText, Slot> indexes = new LinkedHashMap<>();
    private final Map<SortedMap<String, String>, ProbeTable> expressionTableFor = new HashMap<>();
    private final List<ProbeTable> expressionTables = new ArrayList<>();
    private final List<ProbeTable> columnTables = new ArrayList<>();
    private ProbeTable defaultTable;
    private int counter;

    private ScratchPlan(Schema desired, Schema current) {
        this.schemas = desired.schemas();
        this.current = current;
        for (Table table : desired.tables().values()) {
            boolean existing = existing(table);
            if (ScratchRules.needsServer(existing, table)) {
                probedTables.add(table);
                add(table, existing);
            }
        }
        this.prerequisites = probedTables.isEmpty() ? List.of() : prerequisites(desired, current);
    }

    static ScratchPlan of(Schema desired, Schema current) {
        return new ScratchPlan(desired, current);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    int tableCount() {
        return tables.size();
    }

    boolean existing(Table table) {
        return current.tables().containsKey(table.name());
    }

    // ---- the slots, for reading back ------------------------------------------------------------------------

    Slot defaultSlot(Column column) {
        return defaults.get(defaultKey(column));
    }

    Slot columnSlot(Column column) {
        return rawColumns.get(columnKey(column));
    }

    Slot checkSlot(Table table, Check check) {
        return checks.get(checkKey(table, check));
    }

    Slot indexSlot(Table table, Index index) {
        return indexes.get(indexKey(table, index));
    }

    private static DefaultKey defaultKey(Column column) {
        return new DefaultKey(ScratchRules.typeText(column), column.defaultExpression());
    }

    private static ColumnKey columnKey(Column column) {
        return new ColumnKey(column.name(), column.type().sql(), ScratchRules.rawDefault(column));
    }

    private static CheckKey checkKey(Table table, Check check) {
        return new CheckKey(ScratchRules.mentionedColumns(table, List.of(check.expression())), check.expression());
    }

    private static IndexKeyText indexKey(Table table, Index index) {
        return new IndexKeyText(ScratchRules.mentionedColumns(table, ScratchRules.indexTexts(index)), index.keys(),
                index.method(), index.predicate());
    }

    // ---- packing --------------------------------------------------------------------------------------------

    private void add(Table table, boolean existing) {
        for (Column column : table.columns()) {
            if (ScratchRules.rawType(column)) {
                rawColumns.computeIfAbsent(columnKey(column), this::placeRawColumn);
            } else if (ScratchRules.sendsDefault(existing, column)) {
                defaults.computeIfAbsent(defaultKey(column), this::placeDefault);
            }
        }
        if (ScratchRules.sendsChecks(existing)) {
            for (Check check : table.checks()) {
                checks.computeIfAbsent(checkKey(table, check), this::placeCheck);
            }
        }
        for (Index index : table.indexes()) {
            if (ScratchRules.sendsIndex(existing, index)) {
                indexes.computeIfAbsent(indexKey(table, index), key -> placeIndex(key, index));
            }
        }
    }

    private Slot placeDefault(DefaultKey key) {
        if (defaultTable == null || defaultTable.columnCount() >= COLUMNS_PER_TABLE) {
            defaultTable = newTable("gen_defaults_");
        }
        String column = "d" + (defaultTable.columnCount() + 1);
        defaultTable.addColumn(column, key.type(), key.expression());
        return new Slot(defaultTable.name, column);
    }

    /** A table where the name is free; a text that may declare a primary key gets a table to itself. */
    private Slot placeRawColumn(ColumnKey key) {
        boolean alone = ProbeTable.mayDeclarePrimaryKey(key.type());
        ProbeTable table = alone ? null : columnTables.stream()
                .filter(t -> !t.hasColumn(key.name()) && t.columnCount() < COLUMNS_PER_TABLE)
                .findFirst().orElse(null);
        if (table == null) {
            table = newTable("gen_columns_");
            if (!alone) {
                columnTables.add(table);
            }
        }
        table.addColumn(key.name(), key.type(), key.defaultExpression());
        return new Slot(table.name, key.name());
    }

    private Slot placeCheck(CheckKey key) {
        String name = "gen_check_" + (++counter);
        ProbeTable table = expressionTable(key.columns());
        table.addCheck(name, key.expression());
        return new Slot(table.name, name);
    }

    private Slot placeIndex(IndexKeyText key, Index index) {
        String name = "gen_index_" + (++counter);
        ProbeTable table = expressionTable(key.columns());
        table.addIndex(name, index);
        return new Slot(table.name, name);
    }

    /** The first shared table that has or can take the columns, with the same types. */
    private ProbeTable expressionTable(SortedMap<String, String> columns) {
        return expressionTableFor.computeIfAbsent(columns, c -> {
            ProbeTable table = expressionTables.stream().filter(t -> t.accepts(c, COLUMNS_PER_TABLE)).findFirst()
                    .orElseGet(() -> {
                        ProbeTable added = newTable("gen_expressions_");
                        expressionTables.add(added);
                        return added;
                    });
            table.addMissingColumns(c);
            return table;
        });
    }

    private ProbeTable newTable(String prefix) {
        ProbeTable table = new ProbeTable(prefix + (++counter));
        tables.add(table);
        return table;
    }

    // ---- prerequisites --------------------------------------------------------------------------------------

    private static List<String> prerequisites(Schema desired, Schema current) {
        List<EnumType> newTypes = desired.enumTypes().values().stream()
                .filter(type -> !current.enumTypes().containsKey(type.name())).toList();
        List<Sequence> newSequences = desired.sequences().values().stream()
                .filter(sequence -> !current.sequences().containsKey(sequence.name())).toList();
        TreeSet<String> newSchemas = new TreeSet<>();
        newTypes.forEach(type -> newSchemas.add(type.name().schema()));
        newSequences.forEach(sequence -> newSchemas.add(sequence.name().schema()));
        List<String> statements = new ArrayList<>();
        newSchemas.forEach(schema -> statements.add(createSchemaIfMissing(schema)));
        newTypes.forEach(type -> statements.add(createEnumType(type)));
        // IF NOT EXISTS: an identity column's sequence is not in the model but may have the name
        newSequences.forEach(sequence -> statements.add("CREATE SEQUENCE IF NOT EXISTS " + Sql.ident(sequence.name())));
        return statements;
    }

    /**
     * {@code CREATE SCHEMA IF NOT EXISTS} would check the database's CREATE privilege before it looks, which a
     * migration owner need not have: look first.
     */
    private static String createSchemaIfMissing(String schema) {
        return unless("EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = " + Sql.literal(schema) + ")",
                SqlRenderer.createSchema(schema));
    }

    /** Conditional, as {@code current} need not list every type the database has (another schema set). */
    private static String createEnumType(EnumType type) {
        return unless("pg_catalog.to_regtype(" + Sql.literal(Sql.ident(type.name())) + ") IS NOT NULL",
                EnumTypeSql.createType(type));
    }

    /** A DO block that runs {@code statement} unless {@code condition} holds. */
    private static String unless(String condition, String statement) {
        String body = "BEGIN IF NOT " + condition + " THEN EXECUTE " + Sql.literal(statement) + "; END IF; END";
        return "DO " + Sql.dollarQuoted(body);
    }

    // ---- the script -----------------------------------------------------------------------------------------

    /**
     * Sets search_path for parsing: the managed schemas first, then the session's own path, so that the
     * mappings' unqualified names resolve as they do for the application.
     */
    String parsePath() {
        String managed = Introspector.searchPath(schemas);
        String session = "pg_catalog.current_setting('search_path')";
        String value = managed.isEmpty()
                ? session
                : Sql.literal(managed) + " || coalesce(', ' || nullif(" + session + ", ''), '')";
        return "SELECT pg_catalog.set_config('search_path', " + value + ", true)";
    }

    /** Sets search_path for printing: the managed schemas only, as the Introspector prints the current side. */
    String printPath() {
        return "SELECT pg_catalog.set_config('search_path', " + Sql.literal(Introspector.searchPath(schemas)) + ", true)";
    }

    /** The whole plan as one script, one round trip; it ends by returning the session's temporary schema. */
    String script() {
        List<String> statements = new ArrayList<>();
        statements.add(parsePath());
        statements.addAll(prerequisites);
        tables.forEach(table -> statements.addAll(table.statements()));
        statements.add(printPath());
        statements.add("SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()");
        return String.join(";\n", statements);
    }
}
