package dev.gen.normalize;

import dev.gen.model.Check;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.Sql;
import dev.gen.pg.TableSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settles check texts that differ between the two sides but may mean the same. PostgreSQL does not print an
 * {@code IN} list the way it reads it back: a check created from Hibernate's text prints as
 * {@code ARRAY[...]::text[]}, the same check re-created from that print (as a revert does) prints as
 * {@code ARRAY[...::text]}. Both read back once more to one text, so where the texts differ both are read back
 * through PostgreSQL (on a copy of the table's columns, in a transaction that is rolled back) and a desired
 * check that settles to the same text as a current one takes the current one's text. Nothing runs when the
 * texts already agree, which is the usual case.
 */
public final class CheckSettler {

    private CheckSettler() {
    }

    public static Schema settle(Connection connection, Schema current, Schema desired) throws SQLException {
        Map<QualifiedName, List<String>> pending = new LinkedHashMap<>();
        for (Table wanted : desired.tables().values()) {
            Table existing = current.table(wanted.name());
            if (existing == null) {
                continue;
            }
            Set<String> have = new HashSet<>();
            existing.checks().forEach(c -> have.add(c.expression()));
            Set<String> want = new HashSet<>();
            wanted.checks().forEach(c -> want.add(c.expression()));
            List<String> unmatchedWanted = wanted.checks().stream().map(Check::expression)
                    .filter(e -> !have.contains(e)).toList();
            List<String> unmatchedHave = existing.checks().stream().map(Check::expression)
                    .filter(e -> !want.contains(e)).toList();
            if (!unmatchedWanted.isEmpty() && !unmatchedHave.isEmpty()) {
                List<String> texts = new ArrayList<>(unmatchedWanted);
                texts.addAll(unmatchedHave);
                pending.put(wanted.name(), texts);
            }
        }
        if (pending.isEmpty()) {
            return desired;
        }
        Map<QualifiedName, Map<String, String>> settled = readBack(connection, pending);
        Map<QualifiedName, Table> tables = new LinkedHashMap<>(desired.tables());
        settled.forEach((name, forms) -> {
            Table existing = current.table(name);
            Map<String, String> currentBySettled = new HashMap<>();
            for (Check check : existing.checks()) {
                String form = forms.get(check.expression());
                if (form != null) {
                    currentBySettled.put(form, check.expression());
                }
            }
            Table wanted = tables.get(name);
            List<Check> checks = new ArrayList<>();
            for (Check check : wanted.checks()) {
                String form = forms.get(check.expression());
                String match = form == null ? null : currentBySettled.get(form);
                checks.add(match == null ? check : check.normalised(match));
            }
            tables.put(name, wanted.withChecks(checks));
        });
        return desired.withTables(tables);
    }

    /** For each table, each text to the text PostgreSQL prints after reading it; unreadable texts are left out. */
    private static Map<QualifiedName, Map<String, String>> readBack(Connection connection,
            Map<QualifiedName, List<String>> pending) throws SQLException {
        Map<QualifiedName, Map<String, String>> result = new LinkedHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        Savepoint outer = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            outer = connection.setSavepoint();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(ScratchTransaction.GUARD); // see there: this transaction must never commit
            int tableNumber = 0;
            for (Map.Entry<QualifiedName, List<String>> entry : pending.entrySet()) {
                String scratch = "gen_settle_" + tableNumber++;
                statement.execute("CREATE TEMPORARY TABLE " + Sql.ident(scratch) + " (LIKE "
                        + Sql.ident(entry.getKey()) + ")");
                Map<String, String> forms = new HashMap<>();
                List<String> texts = entry.getValue();
                for (int i = 0; i < texts.size(); i++) {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        statement.execute("ALTER TABLE " + Sql.ident(scratch) + " ADD "
                                + TableSql.check("c" + i, texts.get(i)));
                        connection.releaseSavepoint(savepoint);
                    } catch (SQLException unreadable) {
                        connection.rollback(savepoint);
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT conname, pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE conrelid = " + Sql.literal(Sql.ident(scratch)) + "::regclass")) {
                    while (rows.next()) {
                        int index = Integer.parseInt(rows.getString(1).substring(1));
                        forms.put(texts.get(index), rows.getString(2));
                    }
                }
                result.put(entry.getKey(), forms);
            }
            ScratchTransaction.requireOpen(connection);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(outer);
            }
        }
        return result;
    }
}
