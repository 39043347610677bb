package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * With no database configured anywhere (no --url, no GEN_URL, no gen.properties), migration:generate runs against an
 * embedded PostgreSQL into which the migrations directory is replayed first, and says so; commands that change a
 * real database still refuse. The child process gets its own cache directory under the build directory.
 */
class ZeroSetupTest {

    @TempDir
    Path work;

    @Test
    void generateWithNoDatabaseUsesAnEmbeddedServerAndReplaysHistory() throws Exception {
        Path classes = ExampleModel.compile(work.resolve("classes"));
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path history = work.resolve("history");
        ExampleWorkflowTest.copyTree(Path.of("generated"), history);

        Output fresh = gen("migration:generate", "Init", "--dry-run", "--classpath", classes.toString(),
                "--dir", empty.toString());
        assertEquals(0, fresh.code(), fresh.text());
        assertTrue(fresh.text().contains("embedded PostgreSQL"), fresh.text());
        assertTrue(fresh.text().contains("public final class V") && fresh.text().contains("CREATE TABLE"), fresh.text());

        Output replayed = gen("migration:generate", "--check", "--classpath", classes.toString(),
                "--dir", history.toString());
        assertEquals(0, replayed.code(), "the committed history covers the entities: " + replayed.text());
        assertTrue(replayed.text().contains("No changes"), replayed.text());

        Output run = gen("migration:run", "--classpath", classes.toString(), "--dir", history.toString());
        assertEquals(2, run.code(), "run needs a real target, never an embedded one: " + run.text());
        assertTrue(run.text().contains("No database URL is configured"), run.text());
        try (Stream<Path> left = Files.list(work.resolve("cache/gen/embedded-postgres"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("data-")),
                    "the embedded server's data directory is deleted after the command");
        }
    }

    record Output(int code, String text) {
    }

    private Output gen(String... args) throws Exception {
        List<String> command = new ArrayList<>(GenProcess.cli());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("GEN_"));
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "gen did not finish");
        return new Output(process.exitValue(), text);
    }
}
