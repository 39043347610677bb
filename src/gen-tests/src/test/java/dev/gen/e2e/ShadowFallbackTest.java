package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.ExampleModel;
import dev.gen.testing.GenProcess;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target whose user may not create databases: migration:verify puts its shadow databases on an embedded
 * PostgreSQL instead, says so naming both major versions, and leaves nothing on the target's server.
 */
class ShadowFallbackTest {

    @TempDir
    Path work;

    @Test
    void aServerThatRefusesCreateDatabaseGetsItsShadowOnAnEmbeddedServer() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path history = ExampleModel.history(work.resolve("history"));
        String role = "gen_nocreate_" + ProcessHandle.current().pid();
        try (TestDatabase admin = TestDatabase.create("fallback_admin")) {
            admin.execute("DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN NOCREATEDB");
            try {
                try (TestDatabase target = TestDatabase.create("fallback_target")) {
                    target.execute("ALTER DATABASE " + target.name() + " OWNER TO " + role,
                            "ALTER SCHEMA public OWNER TO " + role);
                    List<String> command = new ArrayList<>(GenProcess.cli());
                    command.addAll(List.of("migration:verify", "--url", target.jdbcUrl(), "--user", role,
                            "--classpath", classes.toString(), "--dir", history.toString()));
                    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                            .redirectErrorStream(true);
                    builder.environment().keySet().removeIf(k -> k.startsWith("GEN_"));
                    builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
                    Process process = builder.start();
                    String out = new String(process.getInputStream().readAllBytes());
                    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
                    assertEquals(0, process.exitValue(), out);
                    assertTrue(out.contains("does not let " + role + " create databases")
                            && out.contains("embedded PostgreSQL 16") && out.contains("(PostgreSQL "), out);
                    assertTrue(out.contains("Verified 3 migrations"), out);
                    try (Connection c = admin.connect(); Statement s = c.createStatement();
                            ResultSet left = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE"
                                    + " 'gen\\_shadow\\_%' AND datname LIKE '%" + target.name() + "%'")) {
                        left.next();
                        assertEquals(0, left.getInt(1), "nothing on the target's server");
                    }
                }
            } finally {
                admin.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
