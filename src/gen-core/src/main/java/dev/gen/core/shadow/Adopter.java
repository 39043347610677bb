package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.ShadowAccess;
import dev.gen.diff.Change;
import dev.gen.emit.GeneratedMigration;
import dev.gen.emit.MigrationEmitter;
import dev.gen.model.Schema;
import dev.gen.run.LoadedMigration;
import dev.gen.run.MigrationException;
import dev.gen.run.MigrationSource;
import dev.gen.run.Migrations;
import dev.gen.run.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code migration:drift --adopt Name}: writes a migration whose up turns a database built from the history into the
 * target as it is, proves that in the shadow, and records it as applied on the target without running it there
 * (the runner's {@code fake}). On the target only the history row is written.
 */
public final class Adopter {

    /**
     * @param report the drift that was adopted
     * @param file the migration written, or null when there was no drift
     */
    public record Result(Drift.Report report, Path file) {
    }

    private Adopter() {
    }

    public static Result adopt(GenConfig target, ShadowServer server, String name, Long timestampMillis, Clock clock,
            boolean allowDestructive) {
        ShadowAccess.requireValidName(name);
        long start = System.nanoTime();
        History history = History.load(target);
        Path[] written = new Path[1];
        Drift.Report report = Drift.detect(target, server, history, start, (shadow, drift) -> {
            if (!drift.drifted()) {
                return;
            }
            if (!drift.destructive().isEmpty() && !allowDestructive) {
                throw new GenException("No migration was written: adopting the drift would make the history forget"
                        + " what the target lacks (" + drift.destructive().stream().map(Change::describe)
                        .collect(Collectors.joining("; ")) + "). If it was removed on purpose, adopt it with"
                        + " --allow-destructive; otherwise restore it on the target and run gen migration:drift"
                        + " again.", ExitCodes.REFUSED);
            }
            Instant timestamp = ShadowAccess.timestampFor(target, timestampMillis, clock);
            GeneratedMigration migration = new MigrationEmitter().emit(name, timestamp,
                    Drift.plan(drift.history(), drift.live()), ShadowAccess.emitOptions(target));
            written[0] = ShadowAccess.write(target, migration);
            try {
                LoadedMigration adopted = adopted(target, migration);
                proveInShadow(target, history, shadow, drift, adopted);
                recordOnTarget(target, history, drift, adopted);
            } catch (RuntimeException e) {
                deleteQuietly(written[0]);
                throw e;
            }
        });
        return new Result(report, written[0]);
    }

    /** The new migration as the runner loads it from the directory (so a compile problem shows now). */
    private static LoadedMigration adopted(GenConfig target, GeneratedMigration migration) {
        return ShadowAccess.source(target).load().stream()
                .filter(m -> m.id().simpleName().equals(migration.className())).findFirst()
                .orElseThrow(() -> new GenException("The adopting migration " + migration.fileName() + " was written"
                        + " but the runner does not find it in " + target.migrationsDir() + "; with"
                        + " --migrations-classpath, build it into your jar first.", ExitCodes.MIGRATIONS));
    }

    /** Its up, run after the history in the shadow, must build the target's schema exactly. */
    private static void proveInShadow(GenConfig target, History history, ShadowDatabase shadow, Drift.Report drift,
            LoadedMigration adopted) {
        List<LoadedMigration> withIt = appliedPlus(history, drift, adopted);
        try {
            history.runner(shadow, withIt).run();
        } catch (MigrationException e) {
            throw new GenException("The adopting migration fails in the shadow database, so it was not recorded: "
                    + e.getMessage() + " This is a bug in gen; please report it.", ExitCodes.INTERNAL, e);
        }
        Schema after;
        try (Connection connection = shadow.connect()) {
            after = ShadowAccess.readSchema(target, connection);
        } catch (SQLException e) {
            throw new GenException("Cannot read the shadow database " + shadow.name() + ": " + e.getMessage(),
                    ExitCodes.CONNECTION, e);
        }
        List<String> left = Differences.between(after, drift.live());
        if (!left.isEmpty()) {
            throw new GenException("The adopting migration does not rebuild the target in the shadow database, so it"
                    + " was not recorded; still different: " + String.join("; ", left)
                    + ". This is a bug in gen; please report it.", ExitCodes.INTERNAL);
        }
    }

    /** The runner's fake run, on a source of the applied migrations and the new one only: one history row. */
    private static void recordOnTarget(GenConfig target, History history, Drift.Report drift, LoadedMigration adopted) {
        RunOptions options = dev.gen.core.Migrations.options(target, RunOptions.defaults()).withFake(true);
        new Migrations(ShadowAccess.connections(target), MigrationSource.of(appliedPlus(history, drift, adopted)),
                options).run();
    }

    private static List<LoadedMigration> appliedPlus(History history, Drift.Report drift, LoadedMigration adopted) {
        Set<String> applied = history.appliedOnTarget();
        List<LoadedMigration> list = new ArrayList<>(history.only(applied));
        list.add(adopted);
        return list;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The caller's error says what went wrong; a leftover file is visible to the user.
        }
    }
}
