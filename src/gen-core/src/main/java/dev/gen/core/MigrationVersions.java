package dev.gen.core;

import dev.gen.run.MigrationId;

/** A migration named by a user (command line, plugin goal): its version, or its class or file name. */
public final class MigrationVersions {

    private MigrationVersions() {
    }

    /**
     * {@code 20261121090000}, {@code V20261121090000__Init} and {@code V20261121090000__Init.java} all give the
     * version; null gives null. The rule itself is the runtime's {@link MigrationId#versionOf}.
     */
    public static String of(String reference) {
        if (reference == null) {
            return null;
        }
        // Versions compare as text, so anything else would silently select every migration or none.
        return MigrationId.versionOf(reference).orElseThrow(() -> new GenException("'" + reference
                + "' is not a migration version: give the 14 digits of its name (for example 20261121090000), or its"
                + " class or file name (V20261121090000__Init).", ExitCodes.USAGE));
    }
}
