package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.EntityCompiler;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.GenProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured anywhere (no --url, no GEN_URL, no url= in gen.properties), migration:generate runs
 * against an embedded PostgreSQL into which the configured migrations are replayed first, and says so; commands that
 * change a real database still refuse. The first test is the README's quick start on a clean clone: the repository's
 * own gen.properties and generated/, and the example's two modules compiled where ./gen compiles them (core with its
 * migration and META-INF/gen/locations, then the application). The child process gets its own cache directory
 * under the build directory.
 */
class ZeroSetupTest {

    @TempDir
    Path work;

    @Test
    void theQuickStartPrintsTheApplicationsInitOnTopOfCoresMigration() throws Exception {
        Path clone = cleanClone();
        Output init = gen(clone, "migration:generate", "Init", "--dry-run");
        assertEquals(0, init.code(), init.text());
        assertTrue(init.text().contains("embedded PostgreSQL") && init.text().contains("classpath:com.example.core.db"),
                init.text());
        assertTrue(init.text().contains("public final class V") && init.text().contains("__Init implements Migration"),
                init.text());
        // core's migration was replayed: users exists, the application adds its tables and widens the discriminator
        assertTrue(init.text().contains("CREATE TABLE \"public\".\"orders\""), init.text());
        assertTrue(!init.text().contains("CREATE TABLE \"public\".\"users\""), "core's table is core's: " + init.text());
        assertTrue(init.text().contains("ADD COLUMN \"additional_notes\""), init.text());
        try (Stream<Path> files = Files.list(clone.resolve("generated"))) {
            assertEquals(List.of("README.md"), files.map(f -> f.getFileName().toString()).toList(), "--dry-run writes nothing");
        }
    }

    @Test
    void generateWithNoDatabaseUsesAnEmbeddedServerAndReplaysHistory() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path history = ExampleModel.history(work.resolve("history"));

        Output fresh = gen(work, "migration:generate", "Init", "--dry-run", "--classpath", classes.toString(),
                "--dir", empty.toString());
        assertEquals(0, fresh.code(), fresh.text());
        assertTrue(fresh.text().contains("embedded PostgreSQL"), fresh.text());
        assertTrue(fresh.text().contains("public final class V") && fresh.text().contains("CREATE TABLE"), fresh.text());

        Output replayed = gen(work, "migration:generate", "--check", "--classpath", classes.toString(),
                "--dir", history.toString());
        assertEquals(0, replayed.code(), "the committed history covers the entities: " + replayed.text());
        assertTrue(replayed.text().contains("No changes"), replayed.text());

        Output run = gen(work, "migration:run", "--classpath", classes.toString(), "--dir", history.toString());
        assertEquals(2, run.code(), "run needs a real target, never an embedded one: " + run.text());
        assertTrue(run.text().contains("No database URL is configured"), run.text());
        try (Stream<Path> left = Files.list(work.resolve("cache/gen/embedded-postgres"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("data-")),
                    "the embedded server's data directory is deleted after the command");
        }
    }

    /** What ./gen finds on a clean clone: gen.properties, generated/, and the example's modules compiled. */
    private Path cleanClone() throws Exception {
        Path clone = work.resolve("clone");
        Files.createDirectories(clone);
        Files.copy(Path.of("gen.properties"), clone.resolve("gen.properties"));
        ExampleWorkflowTest.copyTree(Path.of("generated"), clone.resolve("generated"));
        Path core = EntityCompiler.compileTree(clone.resolve("entities-example/core/target/classes"),
                ExampleModel.SOURCES.get(0));
        Path declared = core.resolve("META-INF/gen/locations");
        Files.createDirectories(declared.getParent());
        Files.copy(Path.of("entities-example/core/src/main/resources/META-INF/gen/locations"), declared);
        // compiled with core's sources alongside, then core's classes removed: they are core's module's
        Path app = ExampleModel.compile(clone.resolve("entities-example/app/target/classes"));
        try (Stream<Path> walk = Files.walk(app.resolve("com/example/core"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return clone;
    }

    record Output(int code, String text) {
    }

    private Output gen(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(GenProcess.cli());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("GEN_"));
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "gen did not finish");
        return new Output(process.exitValue(), text);
    }
}
