package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;

/**
 * The server refused {@code CREATE DATABASE} for lack of permission (exit 2, with the fix in the message). Its own
 * type so that a fallback server (an embedded PostgreSQL, issue 17) can take over exactly in this case and no other.
 */
public final class ShadowRefusedException extends GenException {

    ShadowRefusedException(String message) {
        super(message, ExitCodes.USAGE);
    }
}
