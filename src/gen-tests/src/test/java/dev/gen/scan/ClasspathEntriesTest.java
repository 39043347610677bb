package dev.gen.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 6 and the classpath's clear errors: an entry that cannot be read stops gen (exit 5, naming it)
 * instead of dropping the entities it holds from the desired schema.
 */
class ClasspathEntriesTest {

    private static TestDatabase db;

    @TempDir
    Path work;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("classpath_entries");
        // the table of the entities in the jar: a skipped jar would plan to drop it
        db.execute("CREATE TABLE item (id bigint PRIMARY KEY, name varchar(255))");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static final String ITEM = """
            package shop;
            @jakarta.persistence.Entity
            public class Item {
                @jakarta.persistence.Id Long id;
                String name;
            }
            """;

    private static final String OTHER = """
            package other;
            @jakarta.persistence.Entity
            public class Other {
                @jakarta.persistence.Id Long id;
            }
            """;

    @Test
    void aDamagedJarIsAnErrorNamingIt() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("other/Other.java", OTHER));
        Path jar = jarOf(EntityCompiler.compile(work.resolve("shop"), Map.of("shop/Item.java", ITEM)),
                work.resolve("shop.jar"));
        byte[] bytes = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a truncated download
        GenException failure = assertThrows(GenException.class, () -> generate(classes, jar));
        assertEquals(5, failure.exitCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains(jar.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("cannot be read"), failure.getMessage());
    }

    @Test
    void anEmptyJarIsAnErrorNamingIt() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("shop/Item.java", ITEM));
        Path empty = Files.createFile(work.resolve("empty.jar"));
        GenException failure = assertThrows(GenException.class, () -> generate(classes, empty));
        assertEquals(5, failure.exitCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains(empty.toString()), failure.getMessage());
    }

    @Test
    void aClassInTwoEntriesIsAWarningNamingBoth() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("shop/Item.java", ITEM));
        Path jar = jarOf(classes, work.resolve("stale.jar"));
        GenerateResult result = generate(classes, jar);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("shop.Item") && w.contains(classes.toString())
                && w.contains(jar.toString())), result.warnings().toString());
    }

    @Test
    void aClassForANewerJavaNamesTheVersions() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("shop/Item.java", ITEM));
        Path file = classes.resolve("shop/Item.class");
        byte[] bytes = Files.readAllBytes(file);
        int major = Runtime.version().feature() + 44 + 3; // three releases ahead of this JVM
        bytes[6] = (byte) (major >> 8);
        bytes[7] = (byte) major;
        Files.write(file, bytes);
        GenException failure = assertThrows(GenException.class, () -> generate(classes));
        assertEquals(5, failure.exitCode(), failure.getMessage());
        assertTrue(failure.getMessage().contains("shop.Item") && failure.getMessage().contains("class file version "
                + major) && failure.getMessage().contains("Java " + Runtime.version().feature()), failure.getMessage());
    }

    private GenerateResult generate(Path... classpath) {
        GenConfig config = new GenConfig(db.jdbcUrl(), db.user(), db.password(), List.of("public"),
                List.of(classpath), List.of(), work.resolve("migrations"), null, "gen_migrations", List.of(), Map.of(),
                false, null);
        return Generator.generate(config, GenerateRequest.check());
    }

    private static Path jarOf(Path classes, Path jar) throws Exception {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
