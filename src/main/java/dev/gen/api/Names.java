package dev.gen.api;

import dev.gen.emit.EmitUsageException;
import dev.gen.emit.MigrationNames;

/** Migration names as the user types them. */
final class Names {

    private Names() {
    }

    static String requireValid(String name) {
        try {
            return MigrationNames.requireValidName(name);
        } catch (EmitUsageException e) {
            throw new GenException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }
}
