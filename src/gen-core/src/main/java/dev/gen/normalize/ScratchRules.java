package dev.gen.normalize;

import dev.gen.model.Column;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Table;
import dev.gen.pg.TableSql;
import dev.gen.postgres.PgTypes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What of a desired table goes to PostgreSQL to be normalised, and the statements that carry it.
 *
 * <p>A column's type goes as its canonical spelling when {@link PgTypes} knows it, else as the raw text, which
 * may carry clauses of a {@code columnDefinition}; such a column is read back whole (type, default,
 * nullability, identity, and the constraints the text declares). Defaults of known-type columns, checks and
 * expression or partial indexes go only for tables that exist already: a new table is created from the raw
 * text anyway.
 */
final class ScratchRules {

    private ScratchRules() {
    }

    static Optional<String> knownType(Column column) {
        return PgTypes.canonical(column.type().sql());
    }

    static boolean rawType(Column column) {
        return knownType(column).isEmpty();
    }

    /** The type text a column gets in a scratch table. */
    static String typeText(Column column) {
        return knownType(column).orElse(column.type().sql());
    }

    /** The default a raw-type column's probe carries; it is read back with the raw text, new table or not. */
    static String rawDefault(Column column) {
        return column.defaultExpression();
    }

    static boolean sendsDefault(boolean existing, Column column) {
        return existing && column.defaultExpression() != null && !rawType(column);
    }

    static boolean sendsChecks(boolean existing) {
        return existing;
    }

    static boolean sendsIndex(boolean existing, Index index) {
        return existing && (index.predicate() != null || index.keys().stream().anyMatch(IndexKey::expression));
    }

    /** Whether anything of the table needs the server. */
    static boolean needsServer(boolean existing, Table table) {
        return table.columns().stream().anyMatch(c -> rawType(c) || sendsDefault(existing, c))
                || (sendsChecks(existing) && !table.checks().isEmpty())
                || table.indexes().stream().anyMatch(i -> sendsIndex(existing, i));
    }

    /**
     * The columns (name to type text) an expression may mention: every column whose name occurs in it, ignoring
     * case, and the columns those columns' raw type texts mention in turn. A reference must contain the name,
     * quoted exactly or unquoted in any case, so this is a superset; a column too many does no harm. It lets
     * checks of different tables that mention the same columns share one scratch table.
     */
    static SortedMap<String, String> mentionedColumns(Table table, List<String> texts) {
        String lowered = texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
        SortedMap<String, String> mentioned = new TreeMap<>();
        Deque<String> search = new ArrayDeque<>(List.of(lowered));
        while (!search.isEmpty()) {
            String text = search.pop();
            for (Column column : table.columns()) {
                if (!mentioned.containsKey(column.name()) && text.contains(column.name().toLowerCase(Locale.ROOT))) {
                    mentioned.put(column.name(), typeText(column));
                    if (rawType(column)) {
                        search.push(column.type().sql().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return mentioned;
    }

    // ---- statements, from the renderer's own fragments ------------------------------------------------------

    /**
     * {@code CREATE INDEX} on a scratch table: the renderer's statement for the index under the probe's name,
     * never unique (a unique probe would say nothing more about the texts).
     */
    static String createIndex(String name, String table, Index index) {
        return TableSql.createIndex(QualifiedName.of("pg_temp", table),
                new Index(name, index.keys(), false, index.method(), index.predicate()), false);
    }

    /** The texts of an index that may mention columns. */
    static List<String> indexTexts(Index index) {
        List<String> texts = new java.util.ArrayList<>();
        index.keys().forEach(k -> texts.add(k.expression() ? k.column() : '"' + k.column() + '"'));
        if (index.predicate() != null) {
            texts.add(index.predicate());
        }
        return texts;
    }
}
