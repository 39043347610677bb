package dev.gen.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a database holds, read with this class's own {@code pg_catalog} queries (never through gen's
 * introspector, so a bug there cannot hide itself), as a sorted set of printable lines that two databases
 * can be compared by.
 *
 * <p>Compared: schemas; tables with their comments; columns with {@code format_type}, nullability, default
 * text, identity, generation and comment; constraints with their names, kind and {@code pg_get_constraintdef};
 * indexes with {@code pg_get_indexdef}; sequences with type, start, increment, bounds, cache and cycle; enum
 * types with their labels in order; domains. Constraint and index names are compared on purpose: Hibernate's
 * export leaves primary, unique and check constraints unnamed, so PostgreSQL names them, and gen must leave
 * the same names behind. Column positions are not compared: a column added later is always appended, while
 * an export orders them its own way, and no mapping depends on the position.
 *
 * <p>gen's history table ({@code gen_migrations}) and what belongs to it are left out.
 */
public final class CatalogSnapshot {

    private static final String HISTORY = "gen_migrations";
    private static final String SCHEMAS = "n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'";

    private final TreeSet<String> lines;

    private CatalogSnapshot(TreeSet<String> lines) {
        this.lines = lines;
    }

    public static CatalogSnapshot of(TestDatabase database) {
        try (Connection connection = database.connect()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog of " + database.name() + ": " + e.getMessage(), e);
        }
    }

    public static CatalogSnapshot of(Connection connection) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path = pg_catalog");
            read(statement, lines, "select 'schema ' || n.nspname from pg_namespace n where " + SCHEMAS);
            read(statement, lines, "select 'table ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                    + " || ' kind=' || c.relkind::text || coalesce(' comment=' || quote_literal(obj_description(c.oid, 'pg_class')), '')"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where c.relkind in ('r', 'p', 'v', 'm', 'f') and " + SCHEMAS + " and c.relname <> '" + HISTORY + "'");
            read(statement, lines, "select 'column ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.'"
                    + " || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || case when a.attnotnull then ' not null' else ' null' end"
                    + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " || case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end"
                    + " || case a.attgenerated when 's' then ' generated stored' else '' end"
                    + " || case when a.attcollation <> t.typcollation then ' collate ' || a.attcollation::regcollation::text else '' end"
                    + " || coalesce(' comment=' || quote_literal(col_description(c.oid, a.attnum)), '')"
                    + " from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_type t on t.oid = a.atttypid"
                    + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                    + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f') and " + SCHEMAS
                    + " and c.relname <> '" + HISTORY + "'");
            read(statement, lines, "select 'constraint ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' '"
                    + " || quote_ident(con.conname) || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid, true)"
                    + " || case when con.condeferrable then ' deferrable' else '' end"
                    + " from pg_constraint con join pg_class c on c.oid = con.conrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace where " + SCHEMAS + " and c.relname <> '" + HISTORY + "'"
                    + " and con.contype <> 'c'");
            readChecks(connection, lines);
            read(statement, lines, "select 'index ' || quote_ident(n.nspname) || '.' || quote_ident(ci.relname) || ' '"
                    + " || pg_get_indexdef(i.indexrelid)"
                    + " from pg_index i join pg_class ci on ci.oid = i.indexrelid join pg_class ct on ct.oid = i.indrelid"
                    + " join pg_namespace n on n.oid = ct.relnamespace where " + SCHEMAS + " and ct.relname <> '" + HISTORY + "'");
            read(statement, lines, "select 'sequence ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                    + " || ' ' || format_type(s.seqtypid, null) || ' start ' || s.seqstart || ' increment ' || s.seqincrement"
                    + " || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache"
                    + " || case when s.seqcycle then ' cycle' else '' end"
                    + " || coalesce(' owned by ' || (select quote_ident(t.relname) || '.' || quote_ident(a.attname)"
                    + "     from pg_depend dep join pg_class t on t.oid = dep.refobjid"
                    + "     join pg_attribute a on a.attrelid = t.oid and a.attnum = dep.refobjsubid"
                    + "     where dep.classid = 'pg_class'::regclass and dep.objid = c.oid and dep.refclassid = 'pg_class'::regclass"
                    + "     and dep.deptype in ('a', 'i') limit 1), '')"
                    + " from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " where " + SCHEMAS + " and not exists (select 1 from pg_depend dep join pg_class t on t.oid = dep.refobjid"
                    + "   where dep.objid = c.oid and dep.classid = 'pg_class'::regclass and t.relname = '" + HISTORY + "')");
            read(statement, lines, "select 'enum ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ('"
                    + " || string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) || ')'"
                    + " from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid"
                    + " where " + SCHEMAS + " group by n.nspname, t.typname");
            read(statement, lines, "select 'domain ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' '"
                    + " || format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end"
                    + " from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'd' and " + SCHEMAS);
        }
        return new CatalogSnapshot(lines);
    }

    /**
     * Check constraints, each read back once more through PostgreSQL's parser. PostgreSQL does not print an
     * {@code IN} list the way it reads it back ({@code ARRAY[...]::text[]} becomes {@code ARRAY[...::text]}), so
     * a check re-created from the catalog's own text (as a revert must) means the same but reads differently; the
     * settled form is equal for both.
     */
    private static void readChecks(Connection connection, TreeSet<String> lines) throws SQLException {
        record Found(String schema, String table, String name, String definition) {
        }
        java.util.List<Found> found = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select n.nspname, c.relname, con.conname,"
                        + " pg_get_constraintdef(con.oid, true) from pg_constraint con join pg_class c on c.oid = con.conrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace where " + SCHEMAS + " and c.relname <> '" + HISTORY
                        + "' and con.contype = 'c'")) {
            while (rows.next()) {
                found.add(new Found(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Found check : found) {
                String settled = check.definition();
                statement.execute("savepoint settle");
                try {
                    statement.execute("create temporary table gen_settle (like " + quote(check.schema()) + "."
                            + quote(check.table()) + ")");
                    statement.execute("alter table gen_settle add constraint gen_settle_check " + check.definition());
                    try (ResultSet rows = statement.executeQuery("select pg_get_constraintdef(oid, true) from pg_constraint"
                            + " where conrelid = 'gen_settle'::regclass and conname = 'gen_settle_check'")) {
                        rows.next();
                        settled = rows.getString(1);
                    }
                } catch (SQLException unreadable) {
                    // keep the catalog's text: a check that does not read back is compared as printed
                }
                statement.execute("rollback to savepoint settle");
                lines.add("constraint " + quoteIdent(check.schema()) + "." + quoteIdent(check.table()) + " "
                        + quoteIdent(check.name()) + " c " + settled);
            }
            connection.rollback();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** As PostgreSQL's quote_ident prints a name in the other lines. */
    private static String quoteIdent(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : quote(name);
    }

    private static void read(Statement statement, TreeSet<String> lines, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines of a readable difference, {@code - } for what only {@code expected} holds, {@code + } for {@code this}. */
    public List<String> differencesFrom(CatalogSnapshot expected) {
        List<String> out = new ArrayList<>();
        for (String line : expected.lines) {
            if (!lines.contains(line)) {
                out.add("- " + line);
            }
        }
        for (String line : lines) {
            if (!expected.lines.contains(line)) {
                out.add("+ " + line);
            }
        }
        out.sort((a, b) -> {
            int c = a.substring(2).compareTo(b.substring(2));
            return c != 0 ? c : a.compareTo(b);
        });
        return out;
    }

    /** Fails with the difference when this catalog is not {@code expected}. */
    public void assertEquals(CatalogSnapshot expected, String what) {
        List<String> differences = differencesFrom(expected);
        if (!differences.isEmpty()) {
            throw new AssertionError(what + ": the catalogs differ (- expected only, + actual only):\n  "
                    + String.join("\n  ", differences) + "\nexpected catalog:\n  " + String.join("\n  ", expected.lines));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogSnapshot snapshot && snapshot.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lines);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
