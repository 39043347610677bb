package dev.gen.api;

import dev.gen.emit.EmitUsageException;
import dev.gen.emit.MigrationId;
import dev.gen.emit.MigrationNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
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
        Instant newest = null;
        Set<String> versions = new HashSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Optional<MigrationId> id = MigrationNames.tryParse(file.getFileName().toString());
                    if (id.isPresent()) {
                        versions.add(id.get().version());
                        if (newest == null || id.get().timestamp().isAfter(newest)) {
                            newest = id.get().timestamp();
                        }
                    }
                }
            } catch (IOException e) {
                throw new GenException("Cannot list the migrations directory " + directory + ": " + e.getMessage()
                        + ". Check --dir.", ExitCodes.USAGE, e);
            }
        }
        if (pinnedMillis != null) {
            Instant pinned = Instant.ofEpochMilli(pinnedMillis);
            if (versions.contains(MigrationNames.version(pinned))) {
                throw new GenException("A migration with the version " + MigrationNames.version(pinned)
                        + " already exists in " + directory + "; pick another --timestamp.", ExitCodes.USAGE);
            }
            return pinned;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return newest != null && !now.isAfter(newest) ? newest.plusSeconds(1) : now;
    }

    static String requireValid(String name) {
        try {
            return MigrationNames.requireValidName(name);
        } catch (EmitUsageException e) {
            throw new GenException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
