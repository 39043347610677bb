package dev.gen.plan;

import dev.gen.diff.Change;
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
import dev.gen.diff.Change.RenameEnumValue;
import dev.gen.diff.Change.RenameTable;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.diff.Change.SetColumnComment;
import dev.gen.diff.Change.SetTableComment;
import java.util.Map;
import java.util.Set;

/**
 * The phases of a plan, in the order PostgreSQL accepts them: what others depend on is created first and dropped
 * last. Within a phase the planner orders by table, then in the diff's order. Every kind of {@link Change} has
 * exactly one phase; {@code PhaseTest} fails when a new kind has none.
 */
enum Phase {
    CREATE_SCHEMAS,
    /** Types before the tables whose columns use them. */
    ENUM_TYPES,
    SEQUENCES,
    DROP_FOREIGN_KEYS,
    /** Keys, indexes and checks go before the columns they cover change. */
    DROP_KEYS_INDEXES_AND_CHECKS,
    RENAME_TABLES,
    RENAME_COLUMNS,
    DROP_TABLES,
    CREATE_TABLES,
    ADD_AND_DROP_COLUMNS,
    /** Filling new columns of existing rows; and dropping defaults, since an old default may not cast to a new type. */
    BACKFILL_AND_DROP_DEFAULTS,
    ALTER_TYPES,
    ALTER_DEFAULTS_AND_NULLABILITY,
    /** An identity needs NOT NULL first. */
    ALTER_IDENTITIES,
    ADD_KEYS_INDEXES_AND_CHECKS,
    /** After every key they may reference. */
    ADD_FOREIGN_KEYS,
    COMMENTS,
    DROP_SEQUENCES_AND_TYPES,
    DROP_SCHEMAS;

    private static final Map<Class<? extends Change>, Phase> BY_KIND = Map.ofEntries(
            Map.entry(CreateSchema.class, CREATE_SCHEMAS),
            Map.entry(CreateEnumType.class, ENUM_TYPES),
            Map.entry(AddEnumValue.class, ENUM_TYPES),
            Map.entry(ReplaceEnumType.class, ENUM_TYPES),
            Map.entry(RenameEnumValue.class, ENUM_TYPES),
            Map.entry(CreateSequence.class, SEQUENCES),
            Map.entry(AlterSequence.class, SEQUENCES),
            Map.entry(DropForeignKey.class, DROP_FOREIGN_KEYS),
            Map.entry(DropIndex.class, DROP_KEYS_INDEXES_AND_CHECKS),
            Map.entry(DropUniqueKey.class, DROP_KEYS_INDEXES_AND_CHECKS),
            Map.entry(DropCheck.class, DROP_KEYS_INDEXES_AND_CHECKS),
            Map.entry(DropPrimaryKey.class, DROP_KEYS_INDEXES_AND_CHECKS),
            Map.entry(RenameTable.class, RENAME_TABLES),
            Map.entry(RenameColumn.class, RENAME_COLUMNS),
            Map.entry(DropTable.class, DROP_TABLES),
            Map.entry(CreateTable.class, CREATE_TABLES),
            Map.entry(DropColumn.class, ADD_AND_DROP_COLUMNS),
            Map.entry(AddColumn.class, ADD_AND_DROP_COLUMNS),
            Map.entry(Backfill.class, BACKFILL_AND_DROP_DEFAULTS),
            Map.entry(AlterColumnType.class, ALTER_TYPES),
            Map.entry(AlterColumnDefault.class, ALTER_DEFAULTS_AND_NULLABILITY),
            Map.entry(AlterColumnNullability.class, ALTER_DEFAULTS_AND_NULLABILITY),
            Map.entry(AlterColumnIdentity.class, ALTER_IDENTITIES),
            Map.entry(AddPrimaryKey.class, ADD_KEYS_INDEXES_AND_CHECKS),
            Map.entry(AddUniqueKey.class, ADD_KEYS_INDEXES_AND_CHECKS),
            Map.entry(AddCheck.class, ADD_KEYS_INDEXES_AND_CHECKS),
            Map.entry(CreateIndex.class, ADD_KEYS_INDEXES_AND_CHECKS),
            Map.entry(AddForeignKey.class, ADD_FOREIGN_KEYS),
            Map.entry(SetTableComment.class, COMMENTS),
            Map.entry(SetColumnComment.class, COMMENTS),
            Map.entry(DropSequence.class, DROP_SEQUENCES_AND_TYPES),
            Map.entry(DropEnumType.class, DROP_SEQUENCES_AND_TYPES),
            Map.entry(DropSchema.class, DROP_SCHEMAS));

    static Phase of(Change change) {
        if (change instanceof AlterColumnDefault alter && alter.to() == null) {
            return BACKFILL_AND_DROP_DEFAULTS;
        }
        Phase phase = BY_KIND.get(change.getClass());
        if (phase == null) {
            throw new IllegalStateException("No phase for " + change.getClass().getSimpleName()
                    + "; give it one in Phase");
        }
        return phase;
    }

    /** The kinds that have a phase, for the test that every kind has one. */
    static Set<Class<? extends Change>> kinds() {
        return BY_KIND.keySet();
    }
}
