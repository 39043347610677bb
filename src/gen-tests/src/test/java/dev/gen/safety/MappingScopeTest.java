package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 items 9 and 10: what an entity maps must lie where gen manages it. */
class MappingScopeTest {

    @TempDir
    Path work;

    @Test
    void anEntityOnTheHistoryTableIsRefused() {
        try (SafetyFixture f = SafetyFixture.create("scope_history", work)) {
            Path classes = f.entities(Map.of("h1/Audit.java", SafetyFixture.entity("h1", """
                    @Entity
                    @Table(name = "gen_migrations")
                    public class Audit {
                        @Id Long id;
                        String what;
                    }
                    """)));
            GenException refused = assertThrows(GenException.class, () -> f.generate(classes, GenerateRequest.check()));
            assertEquals(5, refused.exitCode(), refused.getMessage());
            assertTrue(refused.getMessage().contains("h1.Audit") && refused.getMessage().contains("--history-table"),
                    refused.getMessage());
        }
    }

    @Test
    void anEntityInAnotherSchemaIsRefusedUntilTheSchemaIsManaged() {
        try (SafetyFixture f = SafetyFixture.create("scope_schema", work)) {
            Path classes = f.entities(Map.of("s1/Ledger.java", SafetyFixture.entity("s1", """
                    @Entity
                    @Table(name = "ledger", schema = "other")
                    public class Ledger {
                        @Id Long id;
                        String entry;
                    }
                    """), "s1/Note.java", SafetyFixture.entity("s1", """
                    @Entity
                    public class Note {
                        @Id Long id;
                    }
                    """)));
            GenException refused = assertThrows(GenException.class, () -> f.generate(classes, GenerateRequest.check()));
            assertEquals(5, refused.exitCode(), refused.getMessage());
            assertTrue(refused.getMessage().contains("s1.Ledger") && refused.getMessage().contains("other.ledger")
                    && refused.getMessage().contains("--schema public,other"), refused.getMessage());

            f.schemas = List.of("public", "other");
            f.generate(classes, GenerateRequest.write("Init").at(SafetyFixture.T0));
            f.run(classes);
            assertEquals(1, f.number("SELECT count(*) FROM pg_tables WHERE schemaname = 'other' AND tablename = 'ledger'"));
            assertFalse(f.generate(classes, GenerateRequest.check()).hasChanges());
        }
    }
}
