package dev.gen.emit;

/**
 * The user's input (a migration name, a timestamp, an option) is unusable. The message names the input and says
 * how to fix it in one sentence, so that the command line can print it as it is and exit with a usage error.
 */
public final class EmitUsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EmitUsageException(String message) {
        super(message);
    }
}
