package dev.gen.safety;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.cli.Main;
import dev.gen.run.RevertResult;
import dev.gen.run.RunOptions;
import dev.gen.run.RunResult;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fresh database and working directory for a safety scenario: compile entity versions, generate with the
 * library API or the command line in-process, run and revert migrations, query the data.
 */
final class SafetyFixture implements AutoCloseable {

    static final long T0 = 1_790_000_000_000L;

    final TestDatabase db;
    final Path root;
    final Path migrations;
    private int versions;
    /** {@code exclude-table} globs for the library API's configuration. */
    List<String> excludeTables = List.of();
    /** {@code schema} for the library API's configuration. */
    List<String> schemas = List.of("public");

    private SafetyFixture(TestDatabase db, Path root) {
        this.db = db;
        this.root = root;
        this.migrations = root.resolve("migrations");
    }

    static SafetyFixture create(String name) {
        try {
            return new SafetyFixture(TestDatabase.create("safety_" + name),
                    Files.createTempDirectory("gen-safety-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #create(String)}, working under {@code root} (a JUnit {@code @TempDir}). */
    static SafetyFixture create(String name, Path root) {
        return new SafetyFixture(TestDatabase.create("safety_" + name), root);
    }

    /** Compiles one version of the entity model into its own class directory. */
    Path entities(Map<String, String> sources) {
        return EntityCompiler.compile(root.resolve("classes-v" + (++versions)), sources);
    }

    GenConfig config(Path classes, boolean online) {
        return new GenConfig(db.jdbcUrl(), db.user(), db.password(), schemas, List.of(classes), List.of(),
                migrations, null, "gen_migrations", excludeTables, Map.of(), online, "5s");
    }

    GenerateResult generate(Path classes, GenerateRequest request) {
        return Generator.generate(config(classes, false), request);
    }

    RunResult run(Path classes) {
        return Migrations.run(config(classes, false), RunOptions.defaults());
    }

    RevertResult revert(Path classes) {
        return Migrations.revert(config(classes, false), RunOptions.defaults(), 1);
    }

    /** A gen.properties for the command line, with the given extra lines. */
    Path properties(Path classes, String... extra) {
        StringBuilder text = new StringBuilder();
        text.append("url=").append(db.jdbcUrl()).append('\n');
        text.append("user=").append(db.user()).append('\n');
        if (db.password() != null) {
            text.append("password=").append(db.password()).append('\n');
        }
        text.append("classpath=").append(classes).append('\n');
        text.append("dir=").append(migrations).append('\n');
        for (String line : extra) {
            text.append(line).append('\n');
        }
        try {
            Path file = Files.createTempFile(root, "gen", ".properties");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gen <args>} in-process, with a terminal-less console. */
    Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    record Cli(int exitCode, String out, String err) {
    }

    void execute(String... statements) {
        db.execute(statements);
    }

    List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return values;
    }

    String string(String sql) {
        List<String> values = strings(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    long number(String sql) {
        return Long.parseLong(string(sql));
    }

    /** The column names of a table, in order. */
    List<String> columns(String table) {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    String columnType(String table, String column) {
        return string("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'public."
                + table + "'::regclass AND a.attname = '" + column + "' AND NOT a.attisdropped");
    }

    @Override
    public void close() {
        db.close();
    }

    /** A simple entity source: {@code package p; imports; body}. */
    static String entity(String pkg, String body) {
        return "package " + pkg + ";\n\nimport jakarta.persistence.*;\nimport java.util.*;\n\n" + body + "\n";
    }
}
