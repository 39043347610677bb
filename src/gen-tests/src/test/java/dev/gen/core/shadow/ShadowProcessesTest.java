package dev.gen.core.shadow;

import dev.gen.testing.GenProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.pg.Sql;
import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gen as a separate process, stopped while its shadow database exists: after SIGTERM (Ctrl-C's path) the shutdown
 * hook drops it; after SIGKILL nothing can, so the next run recognises the leftover and drops it.
 */
class ShadowProcessesTest {

    @TempDir
    Path work;

    @Test
    void aLeftoverOfAKilledRunIsDroppedByTheNextRun() throws Exception {
        Path dir = slowMigrations();
        try (TestDatabase target = TestDatabase.create("shadow_sigkill")) {
            Process gen = verifyProcess(target, dir, work.resolve("killed.log"));
            String shadow = awaitShadowOf(target, gen);
            gen.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(gen.waitFor(30, TimeUnit.SECONDS));
            awaitNoSession(target, shadow);
            assertEquals(List.of(shadow), ShadowFixture.shadowDatabasesOf(target, gen.pid()), "left behind by the kill");

            // the entities compiled here, not the repository's (whose core classes declare core's migrations)
            Path classes = dev.gen.testing.ExampleModel.compile(work.resolve("classes"));
            Cli.Result next = new Cli(target, "--classpath", classes.toString(), "--dir",
                    ShadowFixture.exampleMigrations(work.resolve("other"), ShadowFixture.INIT).toString())
                    .run("migration:drift");
            assertEquals(0, next.exitCode(), next.toString());
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOf(target, gen.pid()), "dropped by the next run");
            assertEquals(List.of(), ShadowFixture.shadowDatabasesOfThisProcess(target));
        }
    }

    @Test
    void aTerminatedRunDropsItsShadowOnTheWayOut() throws Exception {
        Path dir = slowMigrations();
        try (TestDatabase target = TestDatabase.create("shadow_sigterm")) {
            Process gen = verifyProcess(target, dir, work.resolve("terminated.log"));
            String shadow = awaitShadowOf(target, gen);
            gen.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does
            assertTrue(gen.waitFor(60, TimeUnit.SECONDS));
            assertEquals(List.of(), ShadowFixture.strings(target, "SELECT datname FROM pg_database WHERE datname = "
                    + Sql.literal(shadow)), Files.readString(work.resolve("terminated.log")));
        }
    }

    /** A migration whose up sleeps, so that the shadow database exists long enough to stop gen in the middle. */
    private Path slowMigrations() throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        ShadowFixture.migration(dir, "V20261121090000__Slow", List.of("CREATE TABLE slow (id bigint)",
                "SELECT pg_sleep(3)"), List.of("DROP TABLE slow"));
        return dir;
    }

    private Process verifyProcess(TestDatabase target, Path dir, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gen.cli.Main", "migration:verify", "--dir",
                dir.toString(), "--url", target.jdbcUrl(), "--user", target.user()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(work.toFile());
        GenProcess.keepTemporaryFilesInTheBuild(builder);
        builder.environment().keySet().removeIf(key -> key.startsWith("GEN_"));
        return builder.start();
    }

    /** The shadow database of {@code gen}, once it is created and its up is running. */
    private static String awaitShadowOf(TestDatabase target, Process gen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<String> shadows = ShadowFixture.shadowDatabasesOf(target, gen.pid());
            if (!shadows.isEmpty() && !ShadowFixture.strings(target, "SELECT pid FROM pg_stat_activity WHERE datname = "
                    + Sql.literal(shadows.get(0)) + " AND query LIKE 'SELECT pg_sleep%'").isEmpty()) {
                return shadows.get(0);
            }
            assertTrue(gen.isAlive(), "gen ended before its shadow database was seen");
            Thread.sleep(50);
        }
        throw new AssertionError("no shadow database of process " + gen.pid() + " appeared");
    }

    /** The server ends a killed client's sessions once their statement is over. */
    private static void awaitNoSession(TestDatabase target, String database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ShadowFixture.strings(target, "SELECT pid FROM pg_stat_activity WHERE datname = "
                + Sql.literal(database)).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "sessions of " + database + " stayed after the kill");
            Thread.sleep(100);
        }
    }
}
