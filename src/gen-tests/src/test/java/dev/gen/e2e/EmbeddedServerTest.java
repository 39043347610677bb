package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL that tests fall back to on a machine with neither GEN_TEST_JDBC_URL nor Docker, used here
 * whatever the environment provides, so that CI covers that path: the example's committed migrations build on it
 * exactly what Hibernate's own export builds, and generating again finds nothing.
 */
class EmbeddedServerTest {

    @TempDir
    Path work;

    @Test
    void theExampleWorksOnTheEmbeddedServer() throws Exception {
        try (TestDatabase db = TestDatabase.createEmbedded("embedded_example");
                TestDatabase export = TestDatabase.createEmbedded("embedded_export")) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet version = s.executeQuery("SHOW server_version")) {
                version.next();
                assertTrue(version.getString(1).startsWith("16."), "the embedded server is PostgreSQL 16, not "
                        + version.getString(1));
            }
            ExampleWorkflowTest.committedMigrationsBuildWhatHibernateExports(work, db, export);
        }
    }
}
