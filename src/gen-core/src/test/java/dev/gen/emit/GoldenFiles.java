package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares emitted sources byte for byte with the files under {@code src/test/resources/dev/gen/emit/golden}.
 * With {@code -Dgen.updateGolden=true} it writes them instead: then read every changed file as a reviewer would
 * before keeping it.
 */
final class GoldenFiles {

    static final String UPDATE_PROPERTY = "gen.updateGolden";

    private GoldenFiles() {
    }

    static void assertMatches(GeneratedMigration migration) throws IOException {
        Path golden = directory().resolve(migration.fileName() + ".golden");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, migration.javaSource(), StandardCharsets.UTF_8);
            System.out.println("updated golden file " + golden);
            return;
        }
        assertTrue(Files.exists(golden), () -> "no golden file " + golden + "; create it with -D" + UPDATE_PROPERTY
                + "=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), migration.javaSource(),
                () -> "emitted source differs from " + golden + " (if intended: -D" + UPDATE_PROPERTY
                        + "=true, then review the diff)");
    }

    /** In the source tree, not target/test-classes, so that an update lands where it is committed. */
    private static Path directory() {
        Path baseDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return baseDirectory.resolve("src/test/resources/dev/gen/emit/golden");
    }
}
