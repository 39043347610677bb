package dev.gen.run;

/** Another session held the migration lock for longer than the run was willing to wait. */
public class LockTimeoutException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
