package dev.gen.cli;

import dev.gen.core.MigrationVersions;

/** A migration named on the command line: its version, or its class or file name. */
final class MigrationRef {

    private MigrationRef() {
    }

    /** {@code 20261121090000}, {@code V20261121090000__Init} and {@code V20261121090000__Init.java} all give the version. */
    static String version(String reference) {
        return MigrationVersions.of(reference);
    }
}
