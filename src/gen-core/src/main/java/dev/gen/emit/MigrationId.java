package dev.gen.emit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The identity of one migration: when it was generated (to the second, UTC) and the name the user gave it.
 * Its class name {@code V<yyyyMMddHHmmss>__<Name>} sorts by time, so that a directory listing shows migrations in
 * the order they apply.
 *
 * <p>Build it with {@link MigrationNames}; the constructor validates and drops sub-second precision, which the
 * version cannot show.
 */
public record MigrationId(Instant timestamp, String name) implements Comparable<MigrationId> {

    public MigrationId {
        Objects.requireNonNull(timestamp, "timestamp");
        timestamp = MigrationNames.requireVersionable(timestamp).truncatedTo(ChronoUnit.SECONDS);
        name = MigrationNames.requireValidName(name);
    }

    /** The 14 digits {@code yyyyMMddHHmmss} of the timestamp in UTC. */
    public String version() {
        return MigrationNames.version(timestamp);
    }

    /** {@code V<version>__<name>}, for example {@code V20261121223000__UserChanged}. */
    public String className() {
        return "V" + version() + MigrationNames.SEPARATOR + name;
    }

    /** The class name with {@code .java}. */
    public String fileName() {
        return className() + ".java";
    }

    /** Applying order: by time, then by name (the order of the class names). */
    @Override
    public int compareTo(MigrationId other) {
        return className().compareTo(other.className());
    }

    @Override
    public String toString() {
        return className();
    }
}
