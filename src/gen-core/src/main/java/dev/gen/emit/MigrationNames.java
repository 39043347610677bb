package dev.gen.emit;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rule of migrations: class and file {@code V<yyyyMMddHHmmss>__<Name>} with the timestamp in UTC.
 *
 * <p>The timestamp never comes from the wall clock directly: callers pass a {@link Clock} (tests fix it) or the
 * epoch milliseconds the user gave with {@code --timestamp}.
 */
public final class MigrationNames {

    /** Between version and name; two underscores, as Flyway spells it, so that names may hold single ones. */
    static final String SEPARATOR = "__";

    /** Keeps the file name well below the 255 bytes file systems allow, with room for the version and suffix. */
    static final int MAX_NAME_LENGTH = 200;

    // ASCII only: the name becomes a file name and a Java identifier on every file system and in every encoding.
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    // 'uuuu' (proleptic year) rather than 'yyyy' (year of era) so that strict resolving needs no era field.
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Instant FIRST_VERSIONABLE = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant PAST_LAST_VERSIONABLE = LocalDateTime.of(10000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);

    private MigrationNames() {
    }

    /** A migration named {@code name} at the clock's current second. */
    public static MigrationId of(String name, Clock clock) {
        return new MigrationId(clock.instant(), name);
    }

    /** A migration named {@code name} at the given epoch milliseconds ({@code --timestamp}). */
    public static MigrationId of(String name, long epochMillis) {
        return new MigrationId(Instant.ofEpochMilli(epochMillis), name);
    }

    public static MigrationId of(String name, Instant timestamp) {
        return new MigrationId(timestamp, name);
    }

    /** {@code V<yyyyMMddHHmmss>__<name>}. */
    public static String className(String name, Instant timestamp) {
        return of(name, timestamp).className();
    }

    /** {@code V<yyyyMMddHHmmss>__<name>.java}. */
    public static String fileName(String name, Instant timestamp) {
        return of(name, timestamp).fileName();
    }

    /** The 14 digits of {@code timestamp} in UTC, sub-seconds dropped. */
    public static String version(Instant timestamp) {
        return VERSION.format(requireVersionable(timestamp));
    }

    /**
     * Returns {@code name} when it can be a migration name: ASCII letters, digits and underscores, starting with a
     * letter; otherwise throws an {@link EmitUsageException} that says how to fix it.
     */
    public static String requireValidName(String name) {
        if (name == null || name.isEmpty()) {
            throw new EmitUsageException("A migration needs a name: use letters and digits, e.g. AddUserNotes.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new EmitUsageException("Migration name '" + name + "' is not valid: use letters and digits"
                    + " (underscores allowed), starting with a letter, e.g. AddUserNotes.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new EmitUsageException("Migration name '" + name.substring(0, 20) + "...' is too long: use at most "
                    + MAX_NAME_LENGTH + " characters, e.g. AddUserNotes.");
        }
        return name;
    }

    /** Whether {@code name} passes {@link #requireValidName}. */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    }

    /**
     * Reads a simple class name ({@code V20261121223000__UserChanged}) or file name ({@code ….java}) back into its
     * timestamp and name.
     *
     * @throws IllegalArgumentException when it does not follow the rule (the message says why)
     */
    public static MigrationId parse(String classOrFileName) {
        // The runtime's MigrationId holds the one rule for reading names; the generator adds that the version is a
        // date and time and that the name is one it would write.
        dev.gen.run.MigrationId id = classOrFileName == null ? null
                : dev.gen.run.MigrationId.parseClassOrFile(classOrFileName).orElse(null);
        if (id == null) {
            throw new IllegalArgumentException("'" + classOrFileName + "' is not a migration class name: expected "
                    + dev.gen.run.MigrationId.EXPECTED_FORM + ".");
        }
        Instant timestamp;
        try {
            timestamp = LocalDateTime.parse(id.version(), VERSION).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + classOrFileName + "' is not a migration class name: "
                    + id.version() + " is not a date and time yyyyMMddHHmmss.", e);
        }
        String name = id.name();
        if (!isValidName(name)) {
            throw new IllegalArgumentException("'" + classOrFileName + "' is not a migration class name: '" + name
                    + "' is not a valid name (letters, digits and underscores, starting with a letter).");
        }
        return new MigrationId(timestamp, name);
    }

    /** {@link #parse} without the exception: empty when the name does not follow the rule. */
    public static Optional<MigrationId> tryParse(String classOrFileName) {
        try {
            return Optional.of(parse(classOrFileName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The version has four year digits; outside years 1 to 9999 it would not sort or parse. */
    static Instant requireVersionable(Instant timestamp) {
        if (timestamp.isBefore(FIRST_VERSIONABLE) || !timestamp.isBefore(PAST_LAST_VERSIONABLE)) {
            throw new EmitUsageException("Timestamp " + timestamp + " is out of range: use epoch milliseconds"
                    + " between years 1 and 9999, e.g. " + Instant.parse("2026-11-21T22:30:00Z").toEpochMilli() + ".");
        }
        return timestamp;
    }
}
