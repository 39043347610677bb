package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.run.MigrationId;

/** A migration named on the command line: its version, or its class or file name. */
final class MigrationRef {

    private MigrationRef() {
    }

    /** {@code 20261121090000}, {@code V20261121090000__Init} and {@code V20261121090000__Init.java} all give the version. */
    static String version(String reference) {
        if (reference == null) {
            return null;
        }
        // Versions compare as text, so anything else would silently select every migration or none.
        return MigrationId.versionOf(reference).orElseThrow(() -> new GenException("'" + reference + "' is not a migration version: give the 14 digits of its name"
                    + " (for example 20261121090000), or its class or file name (V20261121090000__Init).",
                    ExitCodes.USAGE));
    }
}
