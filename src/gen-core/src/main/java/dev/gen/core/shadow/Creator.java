package dev.gen.core.shadow;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who created a shadow database, as its {@code COMMENT ON DATABASE} records it:
 * {@code gen shadow database; host=<host> pid=<pid> started=<epoch seconds>}.
 */
record Creator(String host, long pid, Instant started) {

    private static final Pattern TEXT = Pattern.compile("gen shadow database; host=(\\S+) pid=(\\d+) started=(\\d+)");

    static Creator current() {
        return new Creator(thisHost(), ProcessHandle.current().pid(), Instant.now());
    }

    String text() {
        return "gen shadow database; host=" + host + " pid=" + pid + " started=" + started.getEpochSecond();
    }

    static Optional<Creator> parse(String comment) {
        if (comment == null) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(comment);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new Creator(matcher.group(1), Long.parseLong(matcher.group(2)),
                Instant.ofEpochSecond(Long.parseLong(matcher.group(3)))));
    }

    /** True when the creator ran on this machine and its process is gone. */
    boolean goneFromThisHost() {
        return host.equals(thisHost()) && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
    }

    /**
     * The host name as the operating system gives it (no DNS look-up, which can hang), made safe for the comment.
     */
    static String thisHost() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                name = null;
            }
        }
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "unknown";
            }
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
