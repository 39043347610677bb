package dev.gen.diff;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Index;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;

/**
 * One structural difference between the current and the desired schema. The set is closed so that the
 * planner, the renderer and the hazard classifier each handle every kind or fail to compile.
 *
 * <p>Every change knows its inverse; {@code down} is the inverses of {@code up} in reverse order. Changes
 * that destroy data carry what they destroy (a dropped table carries the whole table) so that the inverse
 * can rebuild the structure, though never the data.
 */
public sealed interface Change {

    /** The change that undoes this one structurally. */
    Change inverse();

    /** A sentence for the migration's Javadoc and the console summary. */
    String describe();

    /** The table the change belongs to, or null for schema-level objects. */
    QualifiedName table();

    record CreateSchema(String schema) implements Change {
        public Change inverse() { return new DropSchema(schema); }
        public String describe() { return "create schema " + schema; }
        public QualifiedName table() { return null; }
    }

    record DropSchema(String schema) implements Change {
        public Change inverse() { return new CreateSchema(schema); }
        public String describe() { return "drop schema " + schema; }
        public QualifiedName table() { return null; }
    }

    /** Creates a table with its columns, primary key, unique keys, checks, indexes and comments; not its foreign keys. */
    record CreateTable(Table definition) implements Change {
        public Change inverse() { return new DropTable(definition); }
        public String describe() { return "create table " + definition.name(); }
        public QualifiedName table() { return definition.name(); }
    }

    /** Drops a table; {@code definition} has no foreign keys (they are dropped by their own changes first). */
    record DropTable(Table definition) implements Change {
        public Change inverse() { return new CreateTable(definition); }
        public String describe() { return "drop table " + definition.name() + " (its rows are lost)"; }
        public QualifiedName table() { return definition.name(); }
    }

    record RenameTable(QualifiedName from, QualifiedName to) implements Change {
        public Change inverse() { return new RenameTable(to, from); }
        public String describe() { return "rename table " + from + " to " + to.name(); }
        public QualifiedName table() { return from; }
    }

    record AddColumn(QualifiedName table, Column column) implements Change {
        public Change inverse() { return new DropColumn(table, column); }
        public String describe() {
            return "add column " + table + "." + column.name() + " " + column.type()
                    + (column.nullable() ? "" : " not null")
                    + (column.defaultExpression() == null ? "" : " default " + column.defaultExpression());
        }
    }

    record DropColumn(QualifiedName table, Column column) implements Change {
        public Change inverse() { return new AddColumn(table, column); }
        public String describe() { return "drop column " + table + "." + column.name() + " (its data is lost)"; }
    }

    record RenameColumn(QualifiedName table, String from, String to) implements Change {
        public Change inverse() { return new RenameColumn(table, to, from); }
        public String describe() { return "rename column " + table + "." + from + " to " + to; }
    }

    /**
     * Fills existing rows of a column just added as nullable, before it is made NOT NULL. Data only, so it has
     * no structural inverse: {@code down} drops the column anyway.
     *
     * @param expression an SQL expression, trusted as the user wrote it on the command line
     */
    record Backfill(QualifiedName table, String column, String expression) implements Change {
        public Change inverse() { return this; }
        public String describe() { return "fill existing rows of " + table + "." + column + " with " + expression; }
    }

    /** @param using a conversion expression for {@code USING}, or null when PostgreSQL casts implicitly */
    record AlterColumnType(QualifiedName table, String column, ColumnType from, ColumnType to, String using)
            implements Change {
        public Change inverse() { return new AlterColumnType(table, column, to, from, null); }
        public String describe() { return "change type of " + table + "." + column + " from " + from + " to " + to; }
    }

    record AlterColumnNullability(QualifiedName table, String column, boolean nullable) implements Change {
        public Change inverse() { return new AlterColumnNullability(table, column, !nullable); }
        public String describe() {
            return (nullable ? "allow null in " : "forbid null in ") + table + "." + column;
        }
    }

    /** @param from the old default or null; @param to the new default or null */
    record AlterColumnDefault(QualifiedName table, String column, String from, String to) implements Change {
        public Change inverse() { return new AlterColumnDefault(table, column, to, from); }
        public String describe() {
            return to == null ? "drop default of " + table + "." + column
                    : "set default of " + table + "." + column + " to " + to;
        }
    }

    /** @param from the old identity kind or null; @param to the new one or null */
    record AlterColumnIdentity(QualifiedName table, String column, dev.gen.model.Identity from,
            dev.gen.model.Identity to) implements Change {
        public Change inverse() { return new AlterColumnIdentity(table, column, to, from); }
        public String describe() {
            return to == null ? "stop generating " + table + "." + column + " as identity"
                    : "generate " + table + "." + column + " as identity";
        }
    }

    record SetColumnComment(QualifiedName table, String column, String from, String to) implements Change {
        public Change inverse() { return new SetColumnComment(table, column, to, from); }
        public String describe() { return "comment on column " + table + "." + column; }
    }

    record SetTableComment(QualifiedName table, String from, String to) implements Change {
        public Change inverse() { return new SetTableComment(table, to, from); }
        public String describe() { return "comment on table " + table; }
    }

    record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
        public Change inverse() { return new DropPrimaryKey(table, key); }
        public String describe() { return "add primary key " + key.columns() + " to " + table; }
    }

    /** {@code key.name()} is the name in the database, never null here. */
    record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
        public Change inverse() { return new AddPrimaryKey(table, key); }
        public String describe() { return "drop primary key of " + table; }
    }

    record AddForeignKey(QualifiedName table, ForeignKey key) implements Change {
        public Change inverse() { return new DropForeignKey(table, key); }
        public String describe() {
            return "add foreign key " + table + key.columns() + " -> " + key.referencedTable() + key.referencedColumns();
        }
    }

    record DropForeignKey(QualifiedName table, ForeignKey key) implements Change {
        public Change inverse() { return new AddForeignKey(table, key); }
        public String describe() {
            return "drop foreign key " + key.name() + " " + table + key.columns() + " -> " + key.referencedTable();
        }
    }

    record AddUniqueKey(QualifiedName table, UniqueKey key) implements Change {
        public Change inverse() { return new DropUniqueKey(table, key); }
        public String describe() { return "add unique constraint on " + table + key.columns(); }
    }

    record DropUniqueKey(QualifiedName table, UniqueKey key) implements Change {
        public Change inverse() { return new AddUniqueKey(table, key); }
        public String describe() { return "drop unique constraint " + key.name() + " on " + table + key.columns(); }
    }

    record CreateIndex(QualifiedName table, Index index) implements Change {
        public Change inverse() { return new DropIndex(table, index); }
        public String describe() {
            return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
                    + index.keys().stream().map(k -> k.column() + (k.descending() ? " desc" : "")).toList();
        }
    }

    record DropIndex(QualifiedName table, Index index) implements Change {
        public Change inverse() { return new CreateIndex(table, index); }
        public String describe() { return "drop index " + index.name() + " on " + table; }
    }

    record AddCheck(QualifiedName table, Check check) implements Change {
        public Change inverse() { return new DropCheck(table, check); }
        public String describe() { return "add check " + check.expression() + " on " + table; }
    }

    record DropCheck(QualifiedName table, Check check) implements Change {
        public Change inverse() { return new AddCheck(table, check); }
        public String describe() { return "drop check " + check.name() + " on " + table; }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public Change inverse() { return new DropSequence(sequence); }
        public String describe() {
            return "create sequence " + sequence.name() + " start " + sequence.start() + " increment " + sequence.increment();
        }
        public QualifiedName table() { return null; }
    }

    record DropSequence(Sequence sequence) implements Change {
        public Change inverse() { return new CreateSequence(sequence); }
        public String describe() { return "drop sequence " + sequence.name(); }
        public QualifiedName table() { return null; }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public Change inverse() { return new AlterSequence(to, from); }
        public String describe() {
            return "alter sequence " + to.name() + " increment " + from.increment() + " -> " + to.increment();
        }
        public QualifiedName table() { return null; }
    }

    record CreateEnumType(EnumType type) implements Change {
        public Change inverse() { return new DropEnumType(type); }
        public String describe() { return "create enum type " + type.name() + " " + type.labels(); }
        public QualifiedName table() { return null; }
    }

    record DropEnumType(EnumType type) implements Change {
        public Change inverse() { return new CreateEnumType(type); }
        public String describe() { return "drop enum type " + type.name(); }
        public QualifiedName table() { return null; }
    }

    /**
     * Adds a label to an enum type. PostgreSQL cannot remove a label, so the inverse is a {@link ReplaceEnumType}
     * that rebuilds the type without it.
     *
     * @param before the label the new one goes before, or null to append
     */
    record AddEnumValue(EnumType from, EnumType to, String label, String before) implements Change {
        public Change inverse() { return new ReplaceEnumType(to, from); }
        public String describe() { return "add value '" + label + "' to enum type " + to.name(); }
        public QualifiedName table() { return null; }
    }

    /** Renames one label of an enum type in place ({@code ALTER TYPE ... RENAME VALUE}): rows keep their value. */
    record RenameEnumValue(EnumType from, EnumType to, String oldLabel, String newLabel) implements Change {
        public Change inverse() { return new RenameEnumValue(to, from, newLabel, oldLabel); }
        public String describe() {
            return "rename value '" + oldLabel + "' of enum type " + to.name() + " to '" + newLabel + "'";
        }
        public QualifiedName table() { return null; }
    }

    /** Rebuilds an enum type under the same name, converting the columns that use it through text. */
    record ReplaceEnumType(EnumType from, EnumType to) implements Change {
        public Change inverse() { return new ReplaceEnumType(to, from); }
        public String describe() { return "redefine enum type " + to.name() + " as " + to.labels(); }
        public QualifiedName table() { return null; }
    }
}
