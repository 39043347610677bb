package dev.gen.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small text helpers that keep every message a single readable paragraph. */
public final class Messages {

    private static final int STATEMENT_PREVIEW = 200;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Messages() {
    }

    /** Collapses line breaks and runs of blanks, so that multi-line texts fit in one paragraph. */
    public static String oneLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", "; ").replaceAll("[ \\t]+", " ");
    }

    /** A statement's first 200 characters on one line. */
    static String preview(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= STATEMENT_PREVIEW ? flat : flat.substring(0, STATEMENT_PREVIEW) + "...";
    }

    static String time(Instant instant) {
        return instant == null ? "an unknown time" : TIME.format(instant);
    }

    /** {@code 5m}, {@code 1.5s}, {@code 250ms}: durations as a person would write them. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0)) + "s";
        }
        long minutes = ms / 60_000;
        long seconds = (ms % 60_000) / 1000;
        return minutes + "m" + (seconds == 0 ? "" : " " + seconds + "s");
    }

    static String ids(List<MigrationId> ids) {
        return ids.stream().map(MigrationId::toString).collect(Collectors.joining(", "));
    }

    /** The rule's prefix (see {@link Checksums}) and the first 12 characters of the value. */
    static String shortChecksum(String checksum) {
        if (checksum == null) {
            return "(none)";
        }
        int value = checksum.indexOf(':') + 1;
        return checksum.substring(0, Math.min(value + 12, checksum.length()));
    }

    public static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
