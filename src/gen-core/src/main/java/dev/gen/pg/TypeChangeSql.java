package dev.gen.pg;

import dev.gen.postgres.TypeChanges;
import dev.gen.postgres.PgTypes;
import static dev.gen.pg.Sql.ident;
import static dev.gen.pg.Sql.literal;
import static dev.gen.pg.TableSql.alterColumn;

import dev.gen.diff.Change.AlterColumnType;
import java.util.List;

/** SQL for a column type change, with the guard that stops a narrowing before it cuts anything. */
final class TypeChangeSql {

    private TypeChangeSql() {
    }

    /**
     * A conversion gets {@code USING "col"::type}; a narrowing change is preceded by a check that stops the
     * migration, with the number of rows that would not fit, before anything is cut or rounded.
     */
    static List<String> alterColumnType(AlterColumnType change) {
        TypeChanges.Kind kind = TypeChanges.classify(change.from(), change.to());
        String using = change.using();
        if (using == null && kind == TypeChanges.Kind.CONVERSION) {
            using = ident(change.column()) + "::" + PgTypes.shortName(change.to());
        }
        String alter = alterColumn(change.table(), change.column()) + "TYPE " + PgTypes.shortName(change.to())
                + (using == null ? "" : " USING " + using);
        if (kind != TypeChanges.Kind.NARROWING) {
            return List.of(alter);
        }
        return List.of(narrowingCheck(change), alter);
    }

    static String narrowingCheck(AlterColumnType change) {
        String condition = TypeChanges.lossCondition(ident(change.column()), change.from(), change.to());
        String rest = " row(s) of " + change.table() + "." + change.column() + " do not fit in "
                + change.to() + " (" + condition + "); the migration stops before the type change so that"
                + " nothing is cut. Fix or delete those rows first.";
        String format = "gen: %" + rest.replace("%", "%%");
        String body = "DECLARE\n    offending bigint;\nBEGIN\n"
                + "    SELECT count(*) INTO offending FROM " + ident(change.table()) + " WHERE " + condition + ";\n"
                + "    IF offending > 0 THEN\n"
                + "        RAISE EXCEPTION " + literal(format)
                + ", offending USING ERRCODE = 'check_violation';\n"
                + "    END IF;\nEND\n";
        return "DO " + Sql.dollarQuoted("\n" + body);
    }
}
