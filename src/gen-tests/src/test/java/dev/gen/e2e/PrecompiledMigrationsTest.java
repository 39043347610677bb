package dev.gen.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.ExampleModel;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production host without a JDK runs the migrations the build compiled, and names them as the files do. */
class PrecompiledMigrationsTest {

    @TempDir
    Path work;

    @Test
    void runAndRevertPrecompiledMigrations() {
        // core's migration and the application's, compiled as the build ships them
        Path compiled = EntityCompiler.compileTree(work.resolve("compiled"), ExampleModel.history(work.resolve("sources")));
        try (TestDatabase db = TestDatabase.create("precompiled")) {
            Cli cli = new Cli(db, "--migrations-classpath", compiled.toString(), "--dir", work.resolve("absent").toString());
            Cli.Result run = cli.run("migration:run");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Applied " + ExampleModel.CORE_INIT), run.toString());
            assertTrue(run.out().contains("Applied V20261121090000__Init"), run.toString());
            assertTrue(run.out().contains("Applied V20261121103000__AddUserNotes"), run.toString());

            Cli.Result revert = cli.run("migration:revert", "--to", "V20261121090000__Init.java");
            assertEquals(0, revert.exitCode(), revert.toString());
            assertTrue(revert.out().contains("Reverted V20261121103000__AddUserNotes"), revert.toString());
            Cli.Result show = cli.run("migration:show");
            assertTrue(show.out().contains("[X] V20261121090000__Init"), show.toString());
            assertTrue(show.out().contains("[ ] V20261121103000__AddUserNotes"), show.toString());
        }
    }
}
