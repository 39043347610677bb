package dev.gen.pg;

import static dev.gen.pg.Sql.ident;
import static dev.gen.pg.Sql.idents;
import static dev.gen.pg.Sql.literal;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddCheck;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AddEnumValue;
import dev.gen.diff.Change.AddForeignKey;
import dev.gen.diff.Change.AddPrimaryKey;
import dev.gen.diff.Change.AddUniqueKey;
import dev.gen.diff.Change.AlterColumnDefault;
import dev.gen.diff.Change.Backfill;
import dev.gen.diff.Change.AlterColumnIdentity;
import dev.gen.diff.Change.AlterColumnNullability;
import dev.gen.diff.Change.AlterColumnType;
import dev.gen.diff.Change.AlterSequence;
import dev.gen.diff.Change.CreateEnumType;
import dev.gen.diff.Change.CreateIndex;
import dev.gen.diff.Change.CreateSchema;
import dev.gen.diff.Change.CreateSequence;
import dev.gen.diff.Change.CreateTable;
import dev.gen.diff.Change.DropCheck;
import dev.gen.diff.Change.DropColumn;
import dev.gen.diff.Change.DropEnumType;
import dev.gen.diff.Change.DropForeignKey;
import dev.gen.diff.Change.DropIndex;
import dev.gen.diff.Change.DropPrimaryKey;
import dev.gen.diff.Change.DropSchema;
import dev.gen.diff.Change.DropSequence;
import dev.gen.diff.Change.DropTable;
import dev.gen.diff.Change.DropUniqueKey;
import dev.gen.diff.Change.RenameColumn;
import dev.gen.diff.Change.RenameTable;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.diff.Change.SetColumnComment;
import dev.gen.diff.Change.SetTableComment;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that writes PostgreSQL SQL for a change. Every identifier is quoted through {@link Sql};
 * type names, defaults and check expressions are SQL fragments taken from Hibernate or the catalog.
 */
public final class SqlRenderer {

    private final RenderOptions options;

    public SqlRenderer() {
        this(RenderOptions.defaults());
    }

    public SqlRenderer(RenderOptions options) {
        this.options = options;
    }

    public RenderOptions options() {
        return options;
    }

    /**
     * As {@link #render(Change)}, knowing whether the change's table exists before the migration (or is renamed
     * from one that does). With {@link RenderOptions#online()}, changes to existing tables avoid long locks:
     * foreign keys and checks are added {@code NOT VALID} and validated after, NOT NULL goes through a validated
     * check, and indexes are built {@code CONCURRENTLY}. Such statements must not share a transaction, or the
     * first one's lock is held through the scan; the planner marks their plan non-transactional.
     */
    public List<String> render(Change change, boolean existingTable) {
        if (options.online() && existingTable) {
            if (change instanceof AlterColumnNullability c && !c.nullable()) {
                String check = PgNames.notNullCheck(c.table().name(), c.column());
                return List.of(
                        alter(c.table()) + "ADD CONSTRAINT " + ident(check) + " CHECK (" + ident(c.column())
                                + " IS NOT NULL) NOT VALID",
                        alter(c.table()) + "VALIDATE CONSTRAINT " + ident(check),
                        alterColumn(c.table(), c.column()) + "SET NOT NULL",
                        dropConstraint(c.table(), check));
            }
            if (change instanceof AddForeignKey c && c.key().name() != null) {
                return List.of(alter(c.table()) + "ADD " + foreignKey(c.key()) + " NOT VALID",
                        alter(c.table()) + "VALIDATE CONSTRAINT " + ident(c.key().name()));
            }
            if (change instanceof AddUniqueKey c && c.key().name() != null) {
                // the index is built without blocking writes; attaching it as the constraint is instant
                String index = ident(c.key().name());
                return List.of("CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + ident(c.table()) + " ("
                                + idents(c.key().columns()) + ")",
                        alter(c.table()) + "ADD CONSTRAINT " + index + " UNIQUE USING INDEX " + index);
            }
            if (change instanceof AddCheck c && c.check().name() != null) {
                return List.of(alter(c.table()) + "ADD " + check(c.check()) + " NOT VALID",
                        alter(c.table()) + "VALIDATE CONSTRAINT " + ident(c.check().name()));
            }
        }
        if (change instanceof CreateIndex c && !existingTable) {
            return List.of(createIndex(c.table(), c.index(), false));
        }
        return render(change);
    }

    /** True when {@link #render(Change, boolean)} must run outside a transaction to be worth anything. */
    public boolean needsOwnTransactions(Change change, boolean existingTable) {
        if (!options.online() || !existingTable) {
            return false;
        }
        return (change instanceof AlterColumnNullability c && !c.nullable())
                || (change instanceof AddForeignKey f && f.key().name() != null)
                || (change instanceof AddCheck k && k.check().name() != null)
                || (change instanceof AddUniqueKey u && u.key().name() != null)
                || change instanceof CreateIndex || change instanceof DropIndex;
    }

    public List<String> render(Change change) {
        if (change instanceof CreateSchema c) {
            return List.of("CREATE SCHEMA " + ident(c.schema()));
        }
        if (change instanceof DropSchema c) {
            return List.of("DROP SCHEMA " + ident(c.schema()));
        }
        if (change instanceof CreateTable c) {
            return createTable(c.definition());
        }
        if (change instanceof DropTable c) {
            return List.of("DROP TABLE " + ident(c.definition().name()));
        }
        if (change instanceof RenameTable c) {
            return List.of("ALTER TABLE " + ident(c.from()) + " RENAME TO " + ident(c.to().name()));
        }
        if (change instanceof Backfill c) {
            return List.of("UPDATE " + ident(c.table()) + " SET " + ident(c.column()) + " = " + c.expression()
                    + " WHERE " + ident(c.column()) + " IS NULL");
        }
        if (change instanceof AddColumn c) {
            return addColumn(c);
        }
        if (change instanceof DropColumn c) {
            return List.of(alter(c.table()) + "DROP COLUMN " + ident(c.column().name()));
        }
        if (change instanceof RenameColumn c) {
            return List.of(alter(c.table()) + "RENAME COLUMN " + ident(c.from()) + " TO " + ident(c.to()));
        }
        if (change instanceof AlterColumnType c) {
            return alterColumnType(c);
        }
        if (change instanceof AlterColumnNullability c) {
            return List.of(alterColumn(c.table(), c.column())
                    + (c.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (change instanceof AlterColumnDefault c) {
            return List.of(alterColumn(c.table(), c.column())
                    + (c.to() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.to()));
        }
        if (change instanceof AlterColumnIdentity c) {
            return List.of(alterIdentity(c));
        }
        if (change instanceof SetColumnComment c) {
            return List.of("COMMENT ON COLUMN " + ident(c.table()) + "." + ident(c.column())
                    + " IS " + (c.to() == null ? "NULL" : literal(c.to())));
        }
        if (change instanceof SetTableComment c) {
            return List.of("COMMENT ON TABLE " + ident(c.table()) + " IS "
                    + (c.to() == null ? "NULL" : literal(c.to())));
        }
        if (change instanceof AddPrimaryKey c) {
            return List.of(alter(c.table()) + "ADD " + constraintName(c.key().name())
                    + "PRIMARY KEY (" + idents(c.key().columns()) + ")");
        }
        if (change instanceof DropPrimaryKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }
        if (change instanceof AddForeignKey c) {
            return List.of(alter(c.table()) + "ADD " + foreignKey(c.key()));
        }
        if (change instanceof DropForeignKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }
        if (change instanceof AddUniqueKey c) {
            return List.of(alter(c.table()) + "ADD " + unique(c.key()));
        }
        if (change instanceof DropUniqueKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }
        if (change instanceof CreateIndex c) {
            return List.of(createIndex(c.table(), c.index(), options.concurrentIndexes()));
        }
        if (change instanceof DropIndex c) {
            return List.of("DROP INDEX " + (options.concurrentIndexes() ? "CONCURRENTLY " : "")
                    + ident(QualifiedName.of(c.table().schema(), c.index().name())));
        }
        if (change instanceof AddCheck c) {
            return List.of(alter(c.table()) + "ADD " + check(c.check()));
        }
        if (change instanceof DropCheck c) {
            return List.of(dropConstraint(c.table(), c.check().name()));
        }
        if (change instanceof CreateSequence c) {
            return List.of("CREATE SEQUENCE " + ident(c.sequence().name()) + " START WITH "
                    + c.sequence().start() + " INCREMENT BY " + c.sequence().increment());
        }
        if (change instanceof DropSequence c) {
            return List.of("DROP SEQUENCE " + ident(c.sequence().name()));
        }
        if (change instanceof AlterSequence c) {
            return List.of("ALTER SEQUENCE " + ident(c.to().name()) + " INCREMENT BY "
                    + c.to().increment() + (c.from().start() == c.to().start() ? "" : " START WITH " + c.to().start()));
        }
        if (change instanceof CreateEnumType c) {
            return createEnumType(c.type());
        }
        if (change instanceof DropEnumType c) {
            return List.of("DROP TYPE " + ident(c.type().name()) + " CASCADE");
        }
        if (change instanceof AddEnumValue c) {
            return List.of("ALTER TYPE " + ident(c.to().name()) + " ADD VALUE " + literal(c.label())
                    + (c.before() == null ? "" : " BEFORE " + literal(c.before())));
        }
        if (change instanceof Change.RenameEnumValue c) {
            return List.of("ALTER TYPE " + ident(c.to().name()) + " RENAME VALUE " + literal(c.oldLabel()) + " TO "
                    + literal(c.newLabel()));
        }
        if (change instanceof ReplaceEnumType c) {
            return replaceEnumType(c.to());
        }
        throw new IllegalArgumentException("No SQL for " + change);
    }

    /**
     * A conversion gets {@code USING "col"::type}; a narrowing change is preceded by a check that stops the
     * migration, with the number of rows that would not fit, before anything is cut or rounded.
     */
    private static List<String> alterColumnType(AlterColumnType change) {
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

    private static String narrowingCheck(AlterColumnType change) {
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
        String tag = "$gen$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$gen" + i + "$";
        }
        return "DO " + tag + "\n" + body + tag;
    }

    private static String alter(QualifiedName table) {
        return "ALTER TABLE " + ident(table) + " ";
    }

    private static String alterColumn(QualifiedName table, String column) {
        return alter(table) + "ALTER COLUMN " + ident(column) + " ";
    }

    private static String dropConstraint(QualifiedName table, String name) {
        if (name == null) {
            throw new IllegalStateException("Cannot drop an unnamed constraint of " + table);
        }
        return alter(table) + "DROP CONSTRAINT " + ident(name);
    }

    private static String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + ident(name) + " ";
    }

    private List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            StringBuilder definition = new StringBuilder(columnDefinition(column));
            for (UniqueKey key : table.uniqueKeys()) {
                if (key.name() == null && key.columns().equals(List.of(column.name()))) {
                    definition.append(" UNIQUE");
                }
            }
            for (Check check : table.checks()) {
                if (column.name().equals(check.column())) {
                    definition.append(' ').append(check(check));
                }
            }
            parts.add(definition.toString());
        }
        if (table.primaryKey() != null) {
            parts.add(constraintName(table.primaryKey().name()) + "PRIMARY KEY (" + idents(table.primaryKey().columns()) + ")");
        }
        for (UniqueKey key : table.uniqueKeys()) {
            if (!(key.name() == null && key.columns().size() == 1)) {
                parts.add(unique(key));
            }
        }
        for (Check check : table.checks()) {
            if (check.column() == null) {
                parts.add(check(check));
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE " + ident(table.name()) + " (\n    "
                + String.join(",\n    ", parts) + "\n)");
        if (table.comment() != null) {
            statements.add("COMMENT ON TABLE " + ident(table.name()) + " IS " + literal(table.comment()));
        }
        for (Column column : table.columns()) {
            if (column.comment() != null) {
                statements.add("COMMENT ON COLUMN " + ident(table.name()) + "." + ident(column.name()) + " IS "
                        + literal(column.comment()));
            }
        }
        for (Index index : table.indexes()) {
            statements.add(createIndex(table.name(), index, false));
        }
        return statements;
    }

    private static String columnDefinition(Column column) {
        StringBuilder definition = new StringBuilder(ident(column.name())).append(' ')
                .append(PgTypes.shortName(column.type()));
        if (column.identity() != null) {
            definition.append(column.identity() == Identity.ALWAYS
                    ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
        } else if (column.defaultExpression() != null) {
            definition.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        return definition.toString();
    }

    private static List<String> addColumn(AddColumn change) {
        List<String> statements = new ArrayList<>();
        statements.add(alter(change.table()) + "ADD COLUMN " + columnDefinition(change.column()));
        if (change.column().comment() != null) {
            statements.add("COMMENT ON COLUMN " + ident(change.table()) + "." + ident(change.column().name())
                    + " IS " + literal(change.column().comment()));
        }
        return statements;
    }

    private static String alterIdentity(AlterColumnIdentity change) {
        String column = alterColumn(change.table(), change.column());
        if (change.to() == null) {
            return column + "DROP IDENTITY";
        }
        String kind = change.to() == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
        return change.from() == null
                ? column + "ADD GENERATED " + kind + " AS IDENTITY"
                : column + "SET GENERATED " + kind;
    }

    private static String foreignKey(ForeignKey key) {
        return constraintName(key.name()) + "FOREIGN KEY (" + idents(key.columns()) + ") REFERENCES "
                + ident(key.referencedTable()) + " (" + idents(key.referencedColumns()) + ")"
                + (ForeignKey.NO_ACTION.equals(key.onDelete()) ? "" : " ON DELETE " + key.onDelete());
    }

    private static String unique(UniqueKey key) {
        return constraintName(key.name()) + "UNIQUE (" + idents(key.columns()) + ")";
    }

    private static String check(Check check) {
        return constraintName(check.name()) + "CHECK (" + check.ddl() + ")";
    }

    private static String createIndex(QualifiedName table, Index index, boolean concurrently) {
        String keys = index.keys().stream().map(SqlRenderer::indexKey).collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + ident(index.name()) + " ON " + ident(table)
                + ("btree".equals(index.method()) ? "" : " USING " + index.method())
                + " (" + keys + ")"
                + (index.predicate() == null ? "" : " WHERE " + index.predicate());
    }

    private static String indexKey(IndexKey key) {
        String text = key.expression() ? "(" + key.column() + ")" : ident(key.column());
        return key.descending() ? text + " DESC" : text;
    }

    /**
     * PostgreSQL cannot drop or reorder enum labels, so the type is rebuilt under a temporary name and every
     * column that uses it is converted through text; a row holding a removed label makes the cast fail and the
     * migration roll back rather than lose the value.
     */
    private static List<String> replaceEnumType(EnumType type) {
        String old = type.name().name() + "__gen_old";
        QualifiedName oldName = QualifiedName.of(type.name().schema(), old);
        String convert = "DO $gen$\nDECLARE\n    r record;\nBEGIN\n"
                + "    FOR r IN SELECT n.nspname, c.relname, a.attname FROM pg_attribute a\n"
                + "        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace\n"
                + "        WHERE a.atttypid = " + literal(Sql.ident(oldName)) + "::regtype AND NOT a.attisdropped"
                + " AND c.relkind IN ('r', 'p')\n"
                + "    LOOP\n"
                + "        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s USING %I::text::%s',"
                + " r.nspname, r.relname, r.attname, " + literal(Sql.ident(type.name())) + ", r.attname, "
                + literal(Sql.ident(type.name())) + ");\n"
                + "    END LOOP;\nEND\n$gen$";
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + ident(type.name()) + " RENAME TO " + ident(old));
        statements.addAll(createEnumType(type));
        statements.add(convert);
        statements.add("DROP TYPE " + ident(oldName) + " CASCADE"); // with its casts
        return statements;
    }

    private static List<String> createEnumType(EnumType type) {
        String labels = type.labels().stream().map(Sql::literal).collect(Collectors.joining(", "));
        // Hibernate's PostgreSQL dialect creates these implicit casts with every named enum, and binds enum
        // parameters as varchar relying on them.
        return List.of("CREATE TYPE " + ident(type.name()) + " AS ENUM (" + labels + ")",
                "CREATE CAST (varchar AS " + ident(type.name()) + ") WITH INOUT AS IMPLICIT",
                "CREATE CAST (" + ident(type.name()) + " AS varchar) WITH INOUT AS IMPLICIT");
    }
}
