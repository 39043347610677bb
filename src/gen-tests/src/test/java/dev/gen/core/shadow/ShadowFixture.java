package dev.gen.core.shadow;

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

/** What the shadow-database tests share: the example's migrations, hand-written ones, and the server's catalog. */
final class ShadowFixture {

    static final String CORE_INIT = dev.gen.testing.ExampleModel.CORE_INIT;
    static final String INIT = dev.gen.testing.ExampleModel.INIT;
    static final String NOTES = dev.gen.testing.ExampleModel.NOTES;

    private ShadowFixture() {
    }

    /** A migrations directory holding core's migration and the named ones of the example application. */
    static Path exampleMigrations(Path dir, String... classNames) {
        if (classNames.length == 0) {
            throw new IllegalArgumentException("name the application's migrations to copy");
        }
        return dev.gen.testing.ExampleModel.history(dir, classNames);
    }

    /** A hand-written migration; each statement becomes one {@code ctx.execute}. */
    static void migration(Path dir, String className, List<String> up, List<String> down) {
        StringBuilder source = new StringBuilder("import dev.gen.api.Migration;\nimport dev.gen.api.MigrationContext;\n\n"
                + "public final class " + className + " implements Migration {\n"
                + "    public void up(MigrationContext ctx) throws java.sql.SQLException {\n");
        up.forEach(sql -> source.append("        ctx.execute(\"").append(sql.replace("\"", "\\\"")).append("\");\n"));
        source.append("    }\n    public void down(MigrationContext ctx) throws java.sql.SQLException {\n");
        down.forEach(sql -> source.append("        ctx.execute(\"").append(sql.replace("\"", "\\\"")).append("\");\n"));
        source.append("    }\n}\n");
        try {
            Files.writeString(dir.resolve(className + ".java"), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shadow databases on the test server, by name. */
    static List<String> shadowDatabases(TestDatabase anyOnTheServer) {
        return strings(anyOnTheServer, "SELECT datname FROM pg_database WHERE datname LIKE 'gen\\_shadow\\_%' ORDER BY 1");
    }

    /** Shadow databases this test JVM created (its pid is in their comment). */
    static List<String> shadowDatabasesOfThisProcess(TestDatabase anyOnTheServer) {
        return shadowDatabasesOf(anyOnTheServer, ProcessHandle.current().pid());
    }

    static List<String> shadowDatabasesOf(TestDatabase anyOnTheServer, long pid) {
        return strings(anyOnTheServer, "SELECT datname FROM pg_database WHERE datname LIKE 'gen\\_shadow\\_%' AND"
                + " shobj_description(oid, 'pg_database') LIKE '% pid=" + pid + " %' ORDER BY 1");
    }

    static List<String> strings(TestDatabase db, String sql) {
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
}
