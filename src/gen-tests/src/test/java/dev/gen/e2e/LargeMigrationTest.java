package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.compile.MigrationSources;
import dev.gen.diff.Change;
import dev.gen.diff.SchemaDiff;
import dev.gen.emit.EmitOptions;
import dev.gen.emit.GeneratedMigration;
import dev.gen.emit.MigrationEmitter;
import dev.gen.emit.MigrationWriter;
import dev.gen.model.Column;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.SqlRenderer;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import dev.gen.run.ConnectionFactory;
import dev.gen.run.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.run.RunResult;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration far beyond what fits one Java method or one string constant is generated, compiled by the runner and
 * applied on PostgreSQL: ten tables of 1,500 commented columns make 15,010 statements in {@code up}, and each
 * {@code CREATE TABLE} is over 70,000 bytes.
 */
class LargeMigrationTest {

    private static final int TABLES = 10;
    private static final int COLUMNS = 1500;

    @TempDir
    Path work;

    @Test
    void aMigrationOfFifteenThousandStatementsCompilesAndRuns() throws Exception {
        Schema current = Schema.empty(Set.of("public"));
        List<Change> changes = SchemaDiff.diff(current, wideSchema());
        Plan plan = new Planner(new SqlRenderer()).plan(changes, current, Map.of());
        List<String> up = plan.upStatements();
        assertEquals(TABLES * (COLUMNS + 1), up.size());
        int longest = up.stream().mapToInt(String::length).max().orElseThrow();
        assertTrue(longest > 70_000, "longest statement: " + longest);

        long start = System.nanoTime();
        GeneratedMigration migration = new MigrationEmitter()
                .emit("Wide", Instant.parse("2026-12-01T00:00:00Z"), plan, EmitOptions.defaults());
        Path directory = Files.createDirectories(work.resolve("migrations"));
        new MigrationWriter().write(directory, migration);
        long emitted = System.nanoTime();

        try (TestDatabase db = TestDatabase.create("large")) {
            Migrations migrations = new Migrations(ConnectionFactory.of(db.jdbcUrl(), db.user(), db.password()),
                    MigrationSources.directory(directory), RunOptions.defaults());
            RunResult result = migrations.run();
            long ran = System.nanoTime();
            assertEquals(1, result.applied().size());
            assertEquals(TABLES * COLUMNS, count(db, "SELECT count(*) FROM pg_description d JOIN pg_class c"
                    + " ON c.oid = d.objoid WHERE c.relname LIKE 'wide\\_%' AND d.objsubid > 0"));
            assertEquals(TABLES * (COLUMNS + 1), count(db, "SELECT count(*) FROM pg_attribute a JOIN pg_class c"
                    + " ON c.oid = a.attrelid WHERE c.relname LIKE 'wide\\_%' AND c.relkind = 'r' AND a.attnum > 0"));

            assertEquals(1, migrations.revert(1).reverted().size());
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'wide\\_%'"));
            System.out.printf("15k-statement migration: %d statements, %d bytes of source, emit+write %d ms,"
                    + " compile+run %d ms (%d ms in up as the runner measured)%n", up.size(),
                    migration.javaSource().length(), (emitted - start) / 1_000_000, (ran - emitted) / 1_000_000,
                    result.applied().get(0).executionMs());
        }
    }

    private static Schema wideSchema() {
        List<Table> tables = new ArrayList<>();
        for (int t = 1; t <= TABLES; t++) {
            List<Column> columns = new ArrayList<>();
            columns.add(Column.of("id", "bigint", false));
            for (int c = 1; c <= COLUMNS; c++) {
                columns.add(Column.of(String.format("column_with_a_long_descriptive_name_%04d", c), "text", true)
                        .withComment("column " + c + " of table " + t));
            }
            String name = String.format("wide_%02d", t);
            tables.add(Table.of(QualifiedName.of("public", name), columns,
                    new PrimaryKey(name + "_pkey", List.of("id"))));
        }
        return Schema.of(Set.of("public"), tables, List.of(), List.of());
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
