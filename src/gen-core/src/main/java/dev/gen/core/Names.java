package dev.gen.core;

import dev.gen.emit.EmitUsageException;
import dev.gen.emit.MigrationId;
import dev.gen.emit.MigrationNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Migration names as the user types them, and the timestamps that order them. */
final class Names {

    private Names() {
    }

    /**
     * The timestamp of a new migration. Versions are whole seconds, so two migrations generated within one second,
     * or a clock behind the newest migration in the directory, would collide or sort before it: an unpinned
     * timestamp moves to one second after the newest existing migration. A pinned one must be unused.
     */
    static Instant timestampFor(Path directory, Long pinnedMillis, Clock clock) {
        return timestampsFor(directory, pinnedMillis, clock, 1).get(0);
    }

    /**
     * The timestamps of {@code count} consecutive migrations (the parts of a split plan), one second apart, by the
     * rule of {@link #timestampFor}: unpinned, they all follow the newest existing migration; pinned, the first
     * is the one given and none may be in use.
     */
    static List<Instant> timestampsFor(Path directory, Long pinnedMillis, Clock clock, int count) {
        Instant newest = null;
        Set<String> versions = new HashSet<>();
        List<MigrationId> existing;
        try {
            existing = migrationsIn(directory);
        } catch (IOException e) {
            throw new GenException("Cannot list the migrations directory " + directory + ": " + e.getMessage()
                    + ". Check --dir.", ExitCodes.USAGE, e);
        }
        for (MigrationId id : existing) {
            versions.add(id.version());
            if (newest == null || id.timestamp().isAfter(newest)) {
                newest = id.timestamp();
            }
        }
        Instant first;
        if (pinnedMillis != null) {
            first = Instant.ofEpochMilli(pinnedMillis);
        } else {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            first = newest != null && !now.isAfter(newest) ? newest.plusSeconds(1) : now;
        }
        List<Instant> timestamps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant timestamp = first.plusSeconds(i);
            if (versions.contains(MigrationNames.version(timestamp))) { // only a pinned one can be taken
                throw new GenException("A migration with the version " + MigrationNames.version(timestamp)
                        + " already exists in " + directory + "; pick another --timestamp"
                        + (count > 1 ? " (this plan needs " + count + " consecutive seconds, one per part)" : "")
                        + ".", ExitCodes.USAGE);
            }
            timestamps.add(timestamp);
        }
        return timestamps;
    }

    /** The migrations named in {@code directory} (files only, not their contents); none when it does not exist. */
    static List<MigrationId> migrationsIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> MigrationNames.tryParse(file.getFileName().toString()))
                    .flatMap(Optional::stream).toList();
        }
    }

    static String requireValid(String name) {
        try {
            return MigrationNames.requireValidName(name);
        } catch (EmitUsageException e) {
            throw new GenException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
