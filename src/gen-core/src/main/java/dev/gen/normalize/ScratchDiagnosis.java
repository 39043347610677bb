package dev.gen.normalize;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.Index;
import dev.gen.model.Table;
import dev.gen.pg.TableSql;
import dev.gen.introspect.QueryRunner;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * After the normaliser's script failed: tries the desired tables' parts one at a time, each under a savepoint
 * and each on a table with all of its columns, to name the text PostgreSQL rejects. The slow path; it only runs
 * when the mappings hold an error.
 */
final class ScratchDiagnosis {

    private static final String PROBE = "gen_probe";

    private final QueryRunner runner;
    private final ScratchPlan plan;

    private ScratchDiagnosis(QueryRunner runner, ScratchPlan plan) {
        this.runner = runner;
        this.plan = plan;
    }

    /** The exception to throw, with the first rejected part named; {@code failure} is its cause when none is found. */
    static DesiredSchemaException diagnose(QueryRunner runner, ScratchPlan plan, SQLException failure) throws SQLException {
        DesiredSchemaException found = new ScratchDiagnosis(runner, plan).find();
        if (found != null) {
            return found;
        }
        return new DesiredSchemaException(
                "PostgreSQL rejects the desired schema: " + failure.getMessage(), null, null, null, failure);
    }

    private DesiredSchemaException find() throws SQLException {
        runner.execute(plan.parsePath());
        for (String statement : plan.prerequisites) {
            SQLException rejected = attempt(statement, false);
            if (rejected != null) {
                return new DesiredSchemaException("Cannot prepare the normalisation of the desired schema: "
                        + statement + ": " + rejected.getMessage(), null, null, statement, rejected);
            }
        }
        for (Table table : plan.probedTables) {
            DesiredSchemaException found = find(table, plan.existing(table));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private DesiredSchemaException find(Table table, boolean existing) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            String type = ScratchRules.typeText(column);
            SQLException rejected = attempt(createProbe(List.of(TableSql.columnDefinition(column.name(), type, null))), true);
            if (rejected != null) {
                return rejection(table, "column", column.name(), "type", column.type().sql(), rejected);
            }
            boolean withDefault = ScratchRules.rawType(column) || ScratchRules.sendsDefault(existing, column);
            String definition = TableSql.columnDefinition(column.name(), type,
                    withDefault ? column.defaultExpression() : null);
            rejected = attempt(createProbe(List.of(definition)), true);
            if (rejected != null) {
                return rejection(table, "column", column.name(), "default expression", column.defaultExpression(), rejected);
            }
            columns.add(definition);
        }
        SQLException rejected = attempt(createProbe(columns), true);
        if (rejected != null) {
            return rejection(table, "table", table.name().name(), "columns", String.join(", ", columns), rejected);
        }
        if (ScratchRules.sendsChecks(existing)) {
            for (Check check : table.checks()) {
                List<String> elements = new ArrayList<>(columns);
                elements.add(TableSql.check("gen_check", check.expression()));
                rejected = attempt(createProbe(elements), true);
                if (rejected != null) {
                    return rejection(table, "check", check.name(), "expression", check.expression(), rejected);
                }
            }
        }
        for (Index index : table.indexes()) {
            if (ScratchRules.sendsIndex(existing, index)) {
                String statement = ScratchRules.createIndex("gen_index", PROBE, index);
                Savepoint savepoint = runner.savepoint();
                try {
                    runner.execute(createProbe(columns));
                    rejected = attempt(statement, true);
                } finally {
                    runner.rollback(savepoint);
                }
                if (rejected != null) {
                    return rejection(table, "index", index.name(), "definition", statement, rejected);
                }
            }
        }
        return null;
    }

    private static String createProbe(List<String> elements) {
        return TableSql.createTemporaryTable(PROBE, elements);
    }

    /** Runs one statement under a savepoint; the rejection, or null. Undoes it too when asked. */
    private SQLException attempt(String statement, boolean undo) throws SQLException {
        Savepoint savepoint = runner.savepoint();
        try {
            runner.execute(statement);
            if (undo) {
                runner.rollback(savepoint);
            }
            return null;
        } catch (SQLException rejected) {
            runner.rollback(savepoint);
            return rejected;
        }
    }

    /** For example: {@code Table public.orders, column "state": PostgreSQL rejects the type "varchr(10)": ...}. */
    private static DesiredSchemaException rejection(
            Table table, String kind, String name, String what, String text, SQLException rejected) {
        String element = name == null ? "an unnamed " + kind : kind + " \"" + name + "\"";
        String message = "Table " + table.name() + ", " + element + ": PostgreSQL rejects the " + what + " \""
                + text + "\": " + rejected.getMessage();
        return new DesiredSchemaException(message, table.name(), name, text, rejected);
    }
}
