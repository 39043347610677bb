package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddCheck;
import dev.gen.diff.Change.AddColumn;
import dev.gen.diff.Change.AddForeignKey;
import dev.gen.diff.Change.AddPrimaryKey;
import dev.gen.diff.Change.AddUniqueKey;
import dev.gen.diff.Change.AlterColumnIdentity;
import dev.gen.diff.Change.AlterColumnNullability;
import dev.gen.diff.Change.AlterColumnType;
import dev.gen.diff.Change.CreateIndex;
import dev.gen.diff.Change.DropColumn;
import dev.gen.diff.Change.DropIndex;
import dev.gen.diff.Change.DropTable;
import dev.gen.diff.Change.ReplaceEnumType;
import dev.gen.pg.SqlRenderer;
import dev.gen.pg.TypeChanges;
import java.util.EnumSet;
import java.util.Set;

/** What each change may do to a live, populated database; the reviewer reads this in the Javadoc. */
final class Hazards {

    private Hazards() {
    }

    /** @param existingTable the change's table exists before the migration (under this or an old name) */
    static Set<Hazard> of(Change change, boolean existingTable, SqlRenderer renderer) {
        Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        if (renderer.needsOwnTransactions(change, existingTable)) {
            // online: NOT VALID then VALIDATE, or CONCURRENTLY; no long lock, but outside a transaction
            hazards.add(Hazard.NON_TRANSACTIONAL);
            if (!(change instanceof CreateIndex) && !(change instanceof DropIndex)) {
                hazards.add(Hazard.DATA_DEPENDENT);
            }
            if (change instanceof CreateIndex create && create.index().unique()) {
                hazards.add(Hazard.DATA_DEPENDENT);
            }
            return hazards;
        }
        if (change instanceof DropTable || change instanceof DropColumn || change instanceof Change.DropSequence
                || change instanceof Change.DropEnumType) {
            hazards.add(Hazard.DESTRUCTIVE);
        } else if (change instanceof AlterColumnType alter) {
            switch (TypeChanges.classify(alter.from(), alter.to())) {
                case BINARY_COMPATIBLE -> { }
                case WIDENING -> hazards.add(Hazard.TABLE_REWRITE);
                case CONVERSION -> {
                    hazards.add(Hazard.TABLE_REWRITE);
                    hazards.add(Hazard.DATA_DEPENDENT);
                }
                case NARROWING -> {
                    hazards.add(Hazard.DESTRUCTIVE);
                    hazards.add(Hazard.DATA_DEPENDENT);
                    hazards.add(Hazard.TABLE_REWRITE);
                }
            }
        } else if (change instanceof AlterColumnNullability alter && !alter.nullable()) {
            hazards.add(Hazard.DATA_DEPENDENT);
            hazards.add(Hazard.LONG_LOCK);
        } else if (change instanceof AddColumn add && existingTable && !add.column().nullable()
                && add.column().defaultExpression() == null && add.column().identity() == null) {
            hazards.add(Hazard.DATA_DEPENDENT);
        } else if (change instanceof AddColumn add && existingTable && add.column().identity() != null) {
            hazards.add(Hazard.TABLE_REWRITE);
        } else if ((change instanceof AddUniqueKey || change instanceof AddCheck || change instanceof AddForeignKey
                || change instanceof AddPrimaryKey) && existingTable) {
            hazards.add(Hazard.DATA_DEPENDENT);
            hazards.add(Hazard.LONG_LOCK);
        } else if (change instanceof CreateIndex create && existingTable) {
            hazards.add(Hazard.LONG_LOCK);
            if (create.index().unique()) {
                hazards.add(Hazard.DATA_DEPENDENT);
            }
        } else if (change instanceof ReplaceEnumType) {
            hazards.add(Hazard.DATA_DEPENDENT);
            hazards.add(Hazard.TABLE_REWRITE);
        } else if (change instanceof AlterColumnIdentity alter && alter.from() == null) {
            hazards.add(Hazard.DATA_DEPENDENT);
        }
        return hazards;
    }

    /** False when {@code down} can rebuild the structure but not the data {@code up} destroys. */
    static boolean dataRestored(Change change) {
        if (change instanceof DropTable || change instanceof DropColumn) {
            return false;
        }
        if (change instanceof AlterColumnType alter) {
            return TypeChanges.classify(alter.from(), alter.to()) != TypeChanges.Kind.NARROWING;
        }
        return true;
    }
}
