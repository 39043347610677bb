package dev.gen.run;

/**
 * Why gen could not load, validate, lock or run migrations. The message is one paragraph for a person: what went
 * wrong, where, and what to do. Subclasses let callers tell the cases apart (for exit codes).
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
