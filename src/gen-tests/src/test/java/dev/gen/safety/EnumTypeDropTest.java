package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.diff.Change;
import dev.gen.plan.Hazard;
import dev.gen.plan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 item 8: a PostgreSQL enum type is never dropped with CASCADE, nor while something else uses it. */
class EnumTypeDropTest {

    @TempDir
    Path work;

    private static Map<String, String> person(String pkg, boolean withMood) {
        return Map.of(pkg + "/Mood.java", "package " + pkg + "; public enum Mood { CALM, ANGRY }\n",
                pkg + "/Person.java", SafetyFixture.entity(pkg, """
                        import org.hibernate.annotations.JdbcTypeCode;
                        import org.hibernate.type.SqlTypes;
                        @Entity
                        @Table(name = "person")
                        public class Person {
                            @Id Long id;
                            %s
                        }
                        """.formatted(withMood
                                ? "@Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;" : "")));
    }

    @Test
    void aTypeStillUsedByAnExcludedTableIsNotDropped() {
        try (SafetyFixture f = SafetyFixture.create("enum_drop_used", work)) {
            Path v1 = f.entities(person("e1", true));
            f.generate(v1, GenerateRequest.write("CreatePerson").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("CREATE TABLE legacy_feelings (id integer, feeling mood)",
                    "INSERT INTO legacy_feelings VALUES (1, 'CALM')");
            f.excludeTables = List.of("legacy_*");

            Path v2 = f.entities(person("e2", false));
            GenException refused = assertThrows(GenException.class, () -> f.generate(v2,
                    GenerateRequest.write("DropMood").at(SafetyFixture.T0 + 1000).allowingDestructive()));
            assertEquals(3, refused.exitCode(), refused.getMessage());
            assertTrue(refused.getMessage().contains("drop type public.mood")
                    && refused.getMessage().contains("legacy_feelings"), refused.getMessage());
            assertEquals(1, f.number("SELECT count(*) FROM legacy_feelings WHERE feeling = 'CALM'"));
        }
    }

    @Test
    void anUnusedTypeIsDroppedWithoutCascadeAndLosesNoData() {
        try (SafetyFixture f = SafetyFixture.create("enum_drop_unused", work)) {
            Path v1 = f.entities(person("e3", true));
            f.generate(v1, GenerateRequest.write("CreatePerson").at(SafetyFixture.T0));
            f.run(v1);
            Path v2 = f.entities(person("e4", false));
            GenerateResult result = f.generate(v2,
                    GenerateRequest.write("DropMood").at(SafetyFixture.T0 + 1000).allowingDestructive());
            assertFalse(String.join("\n", result.plan().upStatements()).toUpperCase().contains("CASCADE"),
                    result.plan().upStatements().toString());
            Step drop = result.plan().steps().stream().filter(s -> s.change() instanceof Change.DropEnumType)
                    .findFirst().orElseThrow();
            // gen refuses the drop while anything uses the type (the other test), so dropping it loses no row: the
            // hazards classify honestly, and destructive is kept for drops that lose data
            assertFalse(drop.hazards().contains(Hazard.DESTRUCTIVE), drop.hazards().toString());
            f.run(v2);
            assertEquals(0, f.number("SELECT count(*) FROM pg_type WHERE typname = 'mood'"));
            assertFalse(f.generate(v2, GenerateRequest.check()).hasChanges());
            f.revert(v2);
            assertEquals(1, f.number("SELECT count(*) FROM pg_type WHERE typname = 'mood'"));
        }
    }
}
