package dev.gen.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;

/** Small helpers the scenario tests share: hand-editing migrations, reading the catalog and the history. */
final class Scenario {

    static final String HINT = "// write your statements here: ctx.execute(\"...\");";

    /** 2026-01-01 00:00:00 UTC, plus {@code minutes}. */
    static String at(int minutes) {
        return Long.toString(1767225600000L + minutes * 60_000L);
    }

    static String version(int minutes) {
        return String.format("2026010100%02d00", minutes);
    }

    private Scenario() {
    }

    /** migration:create, then fill up and down as a user would in the editor. */
    static Path create(Cli cli, String name, int minutes, String up, String down) {
        Cli.Result created = cli.run("migration:create", name, "--timestamp", at(minutes));
        assertEquals(0, created.exitCode(), created.toString());
        String line = created.out().strip();
        assertTrue(line.startsWith("Wrote "), created.toString());
        Path file = Path.of(line.substring("Wrote ".length()));
        assertTrue(Files.isRegularFile(file), file.toString());
        fill(file, up, down);
        return file;
    }

    static void fill(Path file, String up, String down) {
        try {
            String text = Files.readString(file);
            int first = text.indexOf(HINT);
            assertTrue(first >= 0, text);
            text = text.substring(0, first) + statements(up) + text.substring(first + HINT.length());
            int second = text.indexOf(HINT);
            assertTrue(second >= 0, text);
            text = text.substring(0, second) + statements(down) + text.substring(second + HINT.length());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statements(String sqls) {
        StringBuilder code = new StringBuilder();
        for (String sql : sqls.split(";\\s*")) {
            if (!sql.isBlank()) {
                code.append("ctx.execute(\"").append(sql.strip().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\");\n        ");
            }
        }
        return code.toString();
    }

    static boolean tableExists(TestDatabase db, String schema, String table) {
        return query(db, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = '"
                + table + "'").equals(List.of("1"));
    }

    /** Versions recorded in the history table, oldest first (empty when the table does not exist). */
    static List<String> history(TestDatabase db, String schema, String table) {
        if (!tableExists(db, schema, table)) {
            return List.of();
        }
        return query(db, "SELECT version FROM \"" + schema + "\".\"" + table + "\" ORDER BY version");
    }

    static List<String> query(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every file under {@code dir} by relative path, with its bytes as text. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void assertOneParagraph(Cli.Result result) {
        String err = result.err().strip();
        assertTrue(err.startsWith("gen: "), result.toString());
        assertTrue(!err.contains("\tat ") && !err.contains("Exception:"), "no stack trace: " + result);
        assertEquals(1, err.lines().filter(l -> !l.startsWith("gen: warning:")).count(), "one paragraph: " + result);
    }
}
