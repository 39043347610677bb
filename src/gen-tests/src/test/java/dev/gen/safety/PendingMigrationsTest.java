package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 item 14: generating on top of a migration the database has not run is refused, naming it. */
class PendingMigrationsTest {

    @TempDir
    Path work;

    @Test
    void aPendingMigrationIsNamedAndNothingIsWritten() throws Exception {
        try (SafetyFixture f = SafetyFixture.create("pending", work)) {
            Path classes = f.entities(Map.of("p1/Note.java", SafetyFixture.entity("p1", """
                    @Entity
                    public class Note {
                        @Id Long id;
                        String text;
                    }
                    """)));
            f.generate(classes, GenerateRequest.write("CreateNote").at(SafetyFixture.T0));
            Path properties = f.properties(classes);

            SafetyFixture.Cli refused = f.cli("migration:generate", "Again", "--config", properties.toString());
            assertEquals(6, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("V20260921141320__CreateNote") && refused.err().contains("CreateNote")
                    && refused.err().contains("migration:run first") && refused.err().contains("--allow-pending"),
                    refused.err());
            assertEquals(1, count(f.migrations), "no duplicate migration written");

            SafetyFixture.Cli anyway = f.cli("migration:generate", "Again", "--allow-pending", "--config",
                    properties.toString());
            assertEquals(0, anyway.exitCode(), anyway.toString());
            assertTrue(anyway.err().contains("warning") && anyway.err().contains("CreateNote"), anyway.err());

            Files.delete(Files.list(f.migrations).filter(p -> p.toString().contains("Again")).findFirst().orElseThrow());
            f.run(classes);
            assertFalse(f.generate(classes, GenerateRequest.check()).hasChanges(), "nothing pending: no refusal");
        }
    }

    private static long count(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        }
    }
}
