package dev.gen.core;

import dev.gen.run.RunOptions;
import dev.gen.seed.ExistingRows;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code seed}.
 *
 * @param file the seed document ({@code data/seed.json} by default)
 * @param migrate apply pending migrations first (under the same lock as the seeding)
 * @param existing what to do with objects the database already holds
 * @param runOptions the runner's options for the migrations and the lock
 */
public record SeedRequest(Path file, boolean migrate, ExistingRows existing, RunOptions runOptions) {

    public static final Path DEFAULT_FILE = Path.of("data", "seed.json");

    public SeedRequest {
        file = file == null ? DEFAULT_FILE : file;
        existing = existing == null ? ExistingRows.SKIP : existing;
        runOptions = runOptions == null ? RunOptions.defaults() : runOptions;
    }

    /**
     * A request as the command line gives it: {@code existing} is {@code skip} (also when null) or {@code refuse}, in
     * any case; {@code flag} names it in the error.
     */
    public static SeedRequest of(Path file, boolean migrate, String flag, String existing) {
        return new SeedRequest(file, migrate, existingRows(flag, existing), RunOptions.defaults());
    }

    /** The runner's settings for the migrations and the lock. */
    public SeedRequest with(RunSettings settings) {
        return new SeedRequest(file, migrate, existing, settings.options());
    }

    private static ExistingRows existingRows(String flag, String existing) {
        if (existing == null) {
            return ExistingRows.SKIP;
        }
        try {
            return ExistingRows.valueOf(existing.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GenException(flag + " takes skip or refuse, not " + existing + ".", ExitCodes.USAGE);
        }
    }

    public static SeedRequest of(Path file) {
        return new SeedRequest(file, true, ExistingRows.SKIP, RunOptions.defaults());
    }

    public SeedRequest withoutMigrating() {
        return new SeedRequest(file, false, existing, runOptions);
    }

    public SeedRequest with(ExistingRows newExisting) {
        return new SeedRequest(file, migrate, Objects.requireNonNull(newExisting), runOptions);
    }
}
