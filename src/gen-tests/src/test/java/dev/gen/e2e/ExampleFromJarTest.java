package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.Cli;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.HibernateSchemaExport;
import dev.gen.testing.HibernateSchemaValidator;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base User shipped in a library jar, extended by the application's classes: whatever Hibernate maps, gen diffs. */
class ExampleFromJarTest {

    @TempDir
    Path work;

    @Test
    void baseUserFromALibraryJar() throws IOException {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path core = classes.resolve("com/example/core");
        Path jar = work.resolve("core-library.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(core)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        try (Stream<Path> walk = Files.walk(core)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
        List<Path> classpath = List.of(jar, classes);
        try (TestDatabase db = TestDatabase.create("from_jar"); TestDatabase export = TestDatabase.create("from_jar_export")) {
            Cli cli = new Cli(db, "--classpath", jar + ":" + classes, "--dir", work.resolve("migrations").toString());
            Cli.Result generated = cli.run("migration:generate", "Init");
            assertEquals(0, generated.exitCode(), generated.toString());
            assertTrue(generated.out().contains("create table public.users"), generated.toString());
            assertEquals(0, cli.run("migration:run").exitCode());
            HibernateSchemaValidator.validate(classpath, Map.of(), db);
            HibernateSchemaExport.create(classpath, Map.of(), export);
            CatalogSnapshot.of(db).assertEquals(CatalogSnapshot.of(export), "library jar + application classes");
            assertTrue(cli.run("migration:generate", "Again").out().startsWith("No changes"));
        }
    }
}
