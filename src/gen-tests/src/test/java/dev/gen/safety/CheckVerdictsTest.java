package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 13: {@code --check} always reports the changes a migration would contain and exits 1, with the
 * guard's verdict on each (refused without which flag) in the text and in the JSON; exit 3 is for the commands
 * that would write a file. On the old code {@code --check} exited 3 and printed nothing in {@code --format json}.
 */
class CheckVerdictsTest {

    private static String user(String pkg, String fields) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users")
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(length = 20) String nick;
                    %s
                }
                """.formatted(fields));
    }

    /** A table with a row, then entities that drop its column {@code city} and add a primitive (NOT NULL) field. */
    private static Path pendingDropAndNotNull(SafetyFixture f) {
        Path v1 = f.entities(Map.of("c1/User.java", user("c1", "@Column(length = 50) String city;")));
        f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
        f.run(v1);
        f.execute("INSERT INTO users (nick, city) VALUES ('ann', 'Oslo')");
        return f.entities(Map.of("c2/User.java", user("c2", "int points;")));
    }

    @Test
    void checkListsRefusedChangesWithTheFlagEachNeedsAndExitsOne() throws IOException {
        try (SafetyFixture f = SafetyFixture.create("verdicts_text")) {
            Path v2 = pendingDropAndNotNull(f);
            List<Path> before = files(f.migrations);
            SafetyFixture.Cli check = f.cli("migration:generate", "--check", "--no-cache",
                    "--config", f.properties(v2).toString());
            assertEquals(1, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().contains("  - drop column public.users.city (its data is lost)  [destructive]\n"
                    + "      lock: ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait\n"
                    + "      refused without --allow-destructive\n"), check.out());
            assertTrue(check.out().contains("      refused without --backfill users.points=<SQL expression>\n"),
                    check.out());
            assertTrue(check.out().contains("2 changes are refused by the guard"), check.out());
            assertEquals(before, files(f.migrations), "--check writes nothing");

            // the commands that would write a file refuse: exit 3, nothing written
            SafetyFixture.Cli write = f.cli("migration:generate", "DropCity", "--no-cache",
                    "--config", f.properties(v2).toString());
            assertEquals(3, write.exitCode(), write.out() + write.err());
            assertEquals(before, files(f.migrations));

            // with the flag, the drop is allowed; the NOT NULL column still needs its backfill
            SafetyFixture.Cli allowed = f.cli("migration:generate", "--check", "--no-cache", "--allow-destructive",
                    "--config", f.properties(v2).toString());
            assertEquals(1, allowed.exitCode(), allowed.out() + allowed.err());
            assertFalse(allowed.out().contains("refused without --allow-destructive"), allowed.out());
            assertTrue(allowed.out().contains("1 change is refused by the guard"), allowed.out());
        }
    }

    @Test
    void checkJsonCarriesTheVerdictOfEveryChange() {
        try (SafetyFixture f = SafetyFixture.create("verdicts_json")) {
            Path v2 = pendingDropAndNotNull(f);
            SafetyFixture.Cli check = f.cli("migration:generate", "--check", "--format", "json", "--no-cache",
                    "--config", f.properties(v2).toString());
            assertEquals(1, check.exitCode(), check.out() + check.err());
            String json = check.out();
            assertTrue(json.contains("\"refusedChanges\": 2,"), json);
            assertEquals("\"verdict\": \"refused\"", verdictOf(json, "drop-column"), json);
            assertEquals("\"verdict\": \"refused\"", verdictOf(json, "add-column"), json);
            assertTrue(json.contains("""
                          "verdict": "refused",
                          "refused": {
                            "needs": "--allow-destructive",
                    """), json);
            assertTrue(json.contains("""
                          "verdict": "refused",
                          "refused": {
                            "needs": "--backfill users.points=<SQL expression>",
                    """), json);
            assertEquals(2, count(json, "\"verdict\": \"refused\""), json);
            assertEquals(count(json, "\"verdict\": "), count(json, "\"kind\": "), "a verdict for every change");
        }
    }

    @Test
    void checkNeverAsksAboutARenameAndNamesItsFlag() {
        try (SafetyFixture f = SafetyFixture.create("verdicts_rename")) {
            Path v1 = f.entities(Map.of("r1/User.java", user("r1", "@Column(length = 50) String city;")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            Path v2 = f.entities(Map.of("r2/User.java", user("r2", "@Column(length = 50) String town;")));
            SafetyFixture.Cli check = f.cli("migration:generate", "--check", "--format", "json", "--no-cache",
                    "--config", f.properties(v2).toString());
            assertEquals(1, check.exitCode(), check.out() + check.err());
            assertEquals("\"verdict\": \"refused\"", verdictOf(check.out(), "drop-column"), check.out());
            assertTrue(check.out().contains("\"needs\": \"--rename users.city=town or --allow-destructive\""),
                    check.out());
            assertEquals("\"verdict\": \"allowed\"", verdictOf(check.out(), "add-column"), check.out());
        }
    }

    /** The verdict field of the first change of this kind. */
    private static String verdictOf(String json, String kind) {
        int change = json.indexOf("\"kind\": \"" + kind + "\"");
        int verdict = json.indexOf("\"verdict\": ", change);
        return change < 0 ? null : json.substring(verdict, json.indexOf(',', verdict));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
