package dev.gen.sql;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two ways gen's users write durations, each checked in one place. PostgreSQL's own spelling, for
 * {@code lock_timeout} and {@code statement_timeout}, is passed to the server as written; a wait that gen measures
 * itself (how long to wait for another runner's lock) becomes a {@link Duration}.
 */
public final class Durations {

    /** PostgreSQL's time units; they are case-sensitive there. Without a unit: milliseconds. */
    private static final Pattern POSTGRES = Pattern.compile("[0-9]+ ?(us|ms|s|min|h|d)?");

    /** How to write a PostgreSQL duration, for error messages. */
    public static final String POSTGRES_FORM = "a whole number with a PostgreSQL unit (us, ms, s, min, h, d)";

    /** How to write a wait, for error messages. */
    public static final String WAIT_FORM = "a whole number with a unit, like 500ms, 30s, 5m or 1h (or ISO-8601, PT5M)";

    private Durations() {
    }

    /** Whether PostgreSQL takes {@code text} (trimmed) as a duration setting. */
    public static boolean isPostgres(String text) {
        return POSTGRES.matcher(text.trim()).matches();
    }

    /** A wait such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 5min}, {@code 1h}, {@code PT5M}, or seconds. */
    public static Optional<Duration> parseWait(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
            }
            if (t.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            if (t.endsWith("min")) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 3))));
            }
            if (t.endsWith("s")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))));
            }
            if (t.endsWith("m")) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))));
            }
            if (t.endsWith("h")) {
                return Optional.of(Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1))));
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
