package dev.gen.pg;

import dev.gen.postgres.PgNames;
import static dev.gen.pg.EnumTypeSql.createEnumType;
import static dev.gen.pg.EnumTypeSql.dropEnumType;
import static dev.gen.pg.EnumTypeSql.replaceEnumType;
import static dev.gen.pg.Sql.ident;
import static dev.gen.pg.Sql.idents;
import static dev.gen.pg.Sql.literal;
import static dev.gen.pg.TableSql.addColumn;
import static dev.gen.pg.TableSql.alter;
import static dev.gen.pg.TableSql.alterColumn;
import static dev.gen.pg.TableSql.alterIdentity;
import static dev.gen.pg.TableSql.check;
import static dev.gen.pg.TableSql.constraintName;
import static dev.gen.pg.TableSql.createIndex;
import static dev.gen.pg.TableSql.createTable;
import static dev.gen.pg.TableSql.dropConstraint;
import static dev.gen.pg.TableSql.foreignKey;
import static dev.gen.pg.TableSql.unique;
import static dev.gen.pg.TypeChangeSql.alterColumnType;

import dev.gen.diff.Change.AddCheck;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AddEnumValue;
import dev.gen.diff.Change.AddForeignKey;
import dev.gen.diff.Change.AddPrimaryKey;
import dev.gen.diff.Change.AddUniqueKey;
import dev.gen.diff.Change.AlterColumnDefault;
import dev.gen.diff.Change.AlterColumnIdentity;
import dev.gen.diff.Change.AlterColumnNullability;
import dev.gen.diff.Change.AlterColumnType;
import dev.gen.diff.Change.AlterSequence;
import dev.gen.diff.Change.Backfill;
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
import dev.gen.diff.Change;
import dev.gen.model.QualifiedName;
import java.util.List;

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

    /** {@code CREATE SCHEMA}, for the migration and for the normaliser's parsing of the desired side alike. */
    public static String createSchema(String schema) {
        return "CREATE SCHEMA " + ident(schema);
    }

    public List<String> render(Change change) {
        if (change instanceof CreateSchema c) {
            return List.of(createSchema(c.schema()));
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
            return alterIdentity(c);
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
            return dropEnumType(c.type().name());
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

}
