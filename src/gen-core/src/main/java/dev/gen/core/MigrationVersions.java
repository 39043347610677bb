package dev.gen.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A migration named by a user (command line, plugin goal): its version, or its class or file name. */
public final class MigrationVersions {

    private static final Pattern NAMED = Pattern.compile("V?(\\d{14})(?:__\\w+)?(?:\\.java)?");

    private MigrationVersions() {
    }

    /**
     * {@code 20261121090000}, {@code V20261121090000__Init} and {@code V20261121090000__Init.java} all give the
     * version; null gives null.
     */
    public static String of(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher matcher = NAMED.matcher(reference.trim());
        if (!matcher.matches()) {
            // Versions compare as text, so anything else would silently select every migration or none.
            throw new GenException("'" + reference + "' is not a migration version: give the 14 digits of its name"
                    + " (for example 20261121090000), or its class or file name (V20261121090000__Init).",
                    ExitCodes.USAGE);
        }
        return matcher.group(1);
    }
}
