package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aPasswordIsMaskedWholeAsTheDriverReadsIt() {
        // The driver splits the query string at '&' only and URL-decodes values: ';' belongs to the password.
        String url = "jdbc:postgresql://127.0.0.1:99999/" + db.name() + "?user=u&password=ab;Cd_Leak99&ssl=false";
        SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertTrue(raw.getMessage().contains("Cd_Leak99"), raw.getMessage());
        assertFalse(ConnectionFactory.of(url, db.user(), null).describe().contains("Leak99"));
        assertNoLeak(ConnectionFactory.of(url, db.user(), null), "Cd_Leak99");

        String encoded = "jdbc:postgresql://127.0.0.1:1/" + db.name() + "?password=a%26Enc_Leak%3Bb&connectTimeout=2";
        assertEquals("jdbc:postgresql://127.0.0.1:1/" + db.name() + "?password=***&connectTimeout=2",
                Secrets.redactUrl(encoded));
        String decodedInMessage = Secrets.scrub("authentication failed for password a&Enc_Leak;b", null, encoded);
        assertFalse(decodedInMessage.contains("Enc_Leak"), decodedInMessage);

        assertEquals("jdbc:postgresql://u:***@h/db", Secrets.redactUrl("jdbc:postgresql://u:Pw_Leak77@h/db"));
        // One rule for the whole program: the generator's facade gives the same answer.
        assertEquals(Secrets.redactUrl(url), dev.gen.core.Secrets.redactUrl(url));
        assertEquals("x password=*** y", dev.gen.core.Secrets.scrub("x password=ab;Cd_Leak99 y", null, null));
    }

    private void assertNoLeak(ConnectionFactory factory, String fragment) {
        Migrations migrations = new Migrations(factory, dev.gen.compile.MigrationSources.directory(dir), RunOptions.defaults());
        MigrationException failure = assertThrows(MigrationException.class, migrations::run);
        assertFalse(everything(failure).contains(fragment), everything(failure));
    }
}
