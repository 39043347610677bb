package dev.gen.core;

/**
 * A failure the user can act on. The message is one paragraph naming the cause and the fix; the exit code
 * tells scripts what kind of failure it was.
 */
public class GenException extends RuntimeException {

    private final int exitCode;

    public GenException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public GenException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
