package dev.gen.core;

import dev.gen.diff.DiffOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code migration:generate}.
 *
 * @param name the migration's name ({@code UserChanged})
 * @param mode write the file, only check, or print the source
 * @param timestampMillis pin the migration's timestamp (epoch millis), or null for the clock's now
 * @param allowDestructive permit drops and narrowing type changes
 * @param renames renames the user confirmed
 * @param backfills {@code table.column} to the SQL expression that fills existing rows
 * @param clock the clock for the timestamp (tests inject a fixed one)
 * @param renameResolver asks whether a detected drop-and-add is a rename, or null to refuse such candidates
 *     (unless {@code allowDestructive})
 * @param allowPending generate although migrations in the directory have not run on the database (which the new
 *     migration would then repeat); without it that is refused
 */
public record GenerateRequest(String name, Mode mode, Long timestampMillis, boolean allowDestructive,
        DiffOptions renames, Map<String, String> backfills, Clock clock, RenameResolver renameResolver,
        boolean allowPending) {

    public enum Mode {
        WRITE,
        CHECK,
        DRY_RUN
    }

    public GenerateRequest {
        Objects.requireNonNull(mode, "mode");
        renames = renames == null ? DiffOptions.defaults() : renames;
        backfills = backfills == null ? Map.of() : Map.copyOf(backfills);
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public GenerateRequest(String name, Mode mode, Long timestampMillis, boolean allowDestructive,
            DiffOptions renames, Map<String, String> backfills, Clock clock) {
        this(name, mode, timestampMillis, allowDestructive, renames, backfills, clock, null);
    }

    public GenerateRequest(String name, Mode mode, Long timestampMillis, boolean allowDestructive,
            DiffOptions renames, Map<String, String> backfills, Clock clock, RenameResolver renameResolver) {
        this(name, mode, timestampMillis, allowDestructive, renames, backfills, clock, renameResolver, false);
    }

    /** A request as the command line builds it; the renames come with {@link #withRenames(Renames, GenConfig)}. */
    public static GenerateRequest of(String name, Mode mode, Long timestampMillis, boolean allowDestructive,
            Map<String, String> backfills, RenameResolver renameResolver) {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, null, backfills, null,
                renameResolver);
    }

    /** The renames confirmed on the command line, with unqualified names in the configuration's default schema. */
    public GenerateRequest withRenames(Renames newRenames, GenConfig config) {
        return withRenames(newRenames.options(config.defaultSchema()));
    }

    public GenerateRequest allowingPending() {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, renames, backfills, clock,
                renameResolver, true);
    }

    public GenerateRequest withRenameResolver(RenameResolver resolver) {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, renames, backfills, clock, resolver, allowPending);
    }

    public static GenerateRequest write(String name) {
        return new GenerateRequest(name, Mode.WRITE, null, false, null, null, null);
    }

    public static GenerateRequest check() {
        return new GenerateRequest("Check", Mode.CHECK, null, false, null, null, null);
    }

    public GenerateRequest allowingDestructive() {
        return new GenerateRequest(name, mode, timestampMillis, true, renames, backfills, clock, renameResolver, allowPending);
    }

    public GenerateRequest at(long epochMillis) {
        return new GenerateRequest(name, mode, epochMillis, allowDestructive, renames, backfills, clock, renameResolver, allowPending);
    }

    public GenerateRequest withMode(Mode newMode) {
        return new GenerateRequest(name, newMode, timestampMillis, allowDestructive, renames, backfills, clock, renameResolver, allowPending);
    }

    public GenerateRequest withRenames(DiffOptions newRenames) {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, newRenames, backfills, clock, renameResolver, allowPending);
    }

    public GenerateRequest withBackfills(Map<String, String> newBackfills) {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, renames, newBackfills, clock, renameResolver, allowPending);
    }

    public GenerateRequest withClock(Clock newClock) {
        return new GenerateRequest(name, mode, timestampMillis, allowDestructive, renames, backfills, newClock, renameResolver, allowPending);
    }
}
