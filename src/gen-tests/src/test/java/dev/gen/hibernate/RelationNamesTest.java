package dev.gen.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.scan.EntityScanner;
import dev.gen.testing.EntityCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables, sequences and indexes share a namespace; a clash is refused before a migration fails on it. */
class RelationNamesTest {

    @TempDir
    Path work;

    @Test
    void aLongTableAndItsSequenceCutToOneName() {
        String name = "a".repeat(64);
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("m/Long.java", """
                package m;
                import jakarta.persistence.*;
                @Entity @Table(name = "%s")
                public class Long { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) java.lang.Long id; }
                """.formatted(name)));
        UnsupportedMappingException refused = assertThrows(UnsupportedMappingException.class, () -> HibernateTarget
                .build(EntityScanner.scan(List.of(classes), List.of()), TargetSettings.defaults()));
        assertTrue(refused.getMessage().contains("share one namespace"), refused.getMessage());
        assertTrue(refused.getMessage().contains("table public." + "a".repeat(63))
                && refused.getMessage().contains("sequence public." + "a".repeat(63)), refused.getMessage());
    }

    @Test
    void anIndexNamedLikeATable() {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "m/Item.java", """
                        package m;
                        import jakarta.persistence.*;
                        @Entity @Table(indexes = @Index(name = "tag", columnList = "name"))
                        public class Item { @Id java.lang.Long id; String name; }
                        """,
                "m/Tag.java", """
                        package m;
                        import jakarta.persistence.*;
                        @Entity
                        public class Tag { @Id java.lang.Long id; }
                        """));
        UnsupportedMappingException refused = assertThrows(UnsupportedMappingException.class, () -> HibernateTarget
                .build(EntityScanner.scan(List.of(classes), List.of()), TargetSettings.defaults()));
        assertTrue(refused.getMessage().contains("index tag of table public.item")
                && refused.getMessage().contains("table public.tag"), refused.getMessage());
        assertEquals(UnsupportedMappingException.class, refused.getClass());
    }
}
