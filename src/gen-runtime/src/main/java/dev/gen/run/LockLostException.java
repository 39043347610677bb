package dev.gen.run;

/**
 * The runner's advisory-lock session ended (or no longer holds the lock) while it worked, so another runner may
 * have taken over: the runner stopped before committing anything more. The message says what was rolled back.
 */
public class LockLostException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public LockLostException(String message) {
        super(message);
    }

    public LockLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
