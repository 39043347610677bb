package dev.gen.normalize;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnType;
import dev.gen.model.Index;
import dev.gen.model.PrimaryKey;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;

/** Maps the scratch tables' reading back onto one desired table. */
final class NormalisedTable {

    private NormalisedTable() {
    }

    static Table of(Table desired, ScratchPlan plan, ScratchResults results) {
        boolean existing = plan.existing(desired);
        List<Column> columns = new ArrayList<>();
        List<Check> carriedChecks = new ArrayList<>();
        List<UniqueKey> uniqueKeys = new ArrayList<>(desired.uniqueKeys());
        PrimaryKey primaryKey = desired.primaryKey();
        for (Column column : desired.columns()) {
            if (ScratchRules.rawType(column)) {
                ScratchPlan.Slot slot = plan.columnSlot(column);
                columns.add(fromRawType(column, results.column(slot)));
                // the real table gets what the text declares too, so the desired side must list it
                ScratchResults.Carried carried = results.carried(slot);
                carriedChecks.addAll(carried.checks());
                for (UniqueKey unique : carried.uniqueKeys()) {
                    if (uniqueKeys.stream().noneMatch(unique::sameMeaning)) {
                        uniqueKeys.add(unique);
                    }
                }
                if (primaryKey == null) {
                    primaryKey = carried.primaryKey();
                }
            } else {
                Column typed = column.withType(ColumnType.of(ScratchRules.typeText(column)));
                columns.add(ScratchRules.sendsDefault(existing, column)
                        ? typed.withDefault(results.column(plan.defaultSlot(column)).defaultExpression())
                        : typed);
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Check check : desired.checks()) {
            checks.add(ScratchRules.sendsChecks(existing)
                    ? check.normalised(results.check(plan.checkSlot(desired, check)).expression())
                    : check);
        }
        checks.addAll(carriedChecks);
        List<Index> indexes = new ArrayList<>();
        for (Index index : desired.indexes()) {
            if (ScratchRules.sendsIndex(existing, index)) {
                Index read = results.index(plan.indexSlot(desired, index));
                indexes.add(new Index(index.name(), read.keys(), index.unique(), index.method(), read.predicate()));
            } else {
                indexes.add(index);
            }
        }
        return new Table(desired.name(), columns, primaryKey, desired.foreignKeys(), uniqueKeys, indexes, checks,
                desired.comment());
    }

    /** The raw text may have said NOT NULL, DEFAULT or GENERATED ... AS IDENTITY itself. */
    private static Column fromRawType(Column wanted, Column read) {
        return wanted.withType(read.type())
                .withNullable(wanted.nullable() && read.nullable())
                .withDefault(read.defaultExpression())
                .withIdentity(wanted.identity() != null ? wanted.identity() : read.identity());
    }
}
