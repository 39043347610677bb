package dev.gen.core;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.Table;
import dev.gen.pg.SqlLexer;
import dev.gen.model.Origin;
import dev.gen.hibernate.TargetModel;
import java.util.Optional;

/**
 * The SQL texts the entity mappings carry ({@code columnDefinition}, {@code @ColumnDefault}, {@code @Check},
 * index expressions) are sent to PostgreSQL by the normaliser and copied into migrations. Each must be one
 * fragment of one statement: a text holding a {@code ;} (or leaving a literal, comment or parenthesis open)
 * would run statements nobody reviewed, even under {@code --check}; it is refused before anything is sent,
 * naming the entity, the attribute and the text.
 */
final class EntityTexts {

    private EntityTexts() {
    }

    static void check(TargetModel target) {
        for (Table table : target.schema().tables().values()) {
            requireName(target, table.name().schema(), "schema", table, null);
            requireName(target, table.name().name(), "table", table, null);
            for (Column column : table.columns()) {
                Origin origin = target.origin(table.name(), column.name()).orElse(null);
                requireName(target, column.name(), "column", table, origin);
                require(column.type().sql(), "the column definition (columnDefinition) of", table, column.name(),
                        origin);
                if (column.defaultExpression() != null) {
                    require(column.defaultExpression(), "the default (@ColumnDefault) of", table, column.name(),
                            origin);
                }
            }
            for (Check check : table.checks()) {
                Origin origin = check.column() == null ? null
                        : target.origin(table.name(), check.column()).orElse(null);
                require(check.expression(), "a check constraint (@Check) of", table, check.column(), origin);
            }
            for (Index index : table.indexes()) {
                for (IndexKey key : index.keys()) {
                    if (key.expression()) {
                        require(key.column(), "an index expression (@Index) of", table, null, null);
                    }
                }
                if (index.predicate() != null) {
                    require(index.predicate(), "an index predicate of", table, null, null);
                }
            }
        }
    }

    /** PostgreSQL cannot store a NUL character in a name; it is a mapping error, named as one. */
    private static void requireName(TargetModel target, String name, String what, Table table, Origin origin) {
        if (name.indexOf('\0') >= 0) {
            String owner = origin != null ? "The field " + origin.field() : DesiredScope.entityOf(target, table.name());
            throw new GenException(owner + " maps a " + what + " name holding a NUL character ("
                    + Printable.of(name) + "), which PostgreSQL cannot store in a name. Correct the name in the"
                    + " mapping (@Table, @Column, a naming strategy).", ExitCodes.MODEL);
        }
    }

    private static void require(String text, String what, Table table, String column, Origin origin) {
        Optional<String> problem = SqlLexer.problem(text);
        if (problem.isEmpty()) {
            return;
        }
        String owner = origin != null ? "the field " + origin.field()
                : column != null ? "column " + table.name() + "." + column : "table " + table.name();
        throw new GenException("Refused " + what + " " + owner + (origin != null ? " (column " + table.name() + "."
                + column + ")" : "") + ": " + problem.get() + ". The text is [" + text + "]. gen sends such texts"
                + " to PostgreSQL to read them and copies them into migrations, so each must be a single SQL"
                + " expression or type; put other statements into a hand-written migration (gen migration:create).",
                ExitCodes.MODEL);
    }
}
