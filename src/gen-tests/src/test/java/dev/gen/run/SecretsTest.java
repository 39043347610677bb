package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    private static final String SECRET = "s3cret-Pa55word";

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("secrets");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void oneMigration() {
        dir = emptyDir(temp, "generated");
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
    }

    /** The message and everything printed with the stack trace, causes included. */
    private static String everything(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private void assertNoSecret(ConnectionFactory factory) {
        assertFalse(factory.describe().contains(SECRET), factory.describe());
        Migrations migrations = new Migrations(factory, dev.gen.compile.MigrationSources.directory(dir), RunOptions.defaults());
        MigrationException failure = assertThrows(MigrationException.class, migrations::run);
        assertTrue(failure.getMessage().startsWith("Cannot connect to "), failure.getMessage());
        assertFalse(everything(failure).contains(SECRET), everything(failure));
        MigrationException status = assertThrows(MigrationException.class, migrations::status);
        assertFalse(everything(status).contains(SECRET), everything(status));
    }

    @Test
    void urlWithPasswordThatTheDriverEchoesNeverAppears() {
        // Port 99999 makes the driver reject the URL, and DriverManager then quotes it in full.
        String url = "jdbc:postgresql://127.0.0.1:99999/" + db.name() + "?password=" + SECRET + "&ssl=false";
        SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertTrue(raw.getMessage().contains(SECRET), "the driver itself leaks it: " + raw.getMessage());

        assertNoSecret(ConnectionFactory.of(url, db.user(), null));
        String scrubbed = Secrets.scrub(raw.getMessage() + " and //u:" + SECRET + "@host", null);
        assertFalse(scrubbed.contains(SECRET), scrubbed);
        assertTrue(scrubbed.contains("password=***&ssl=false"), scrubbed);
    }

    @Test
    void urlWithPasswordToAMissingDatabaseNeverAppears() {
        String url = db.jdbcUrl().replace(db.name(), db.name() + "_missing")
                + (db.jdbcUrl().contains("?") ? "&" : "?") + "password=" + SECRET;
        assertNoSecret(ConnectionFactory.of(url, db.user(), null));
    }

    @Test
    void separatePasswordNeverAppears() {
        assertNoSecret(ConnectionFactory.of("jdbc:postgresql://127.0.0.1:1/" + db.name() + "?connectTimeout=2", db.user(), SECRET));
    }
}
