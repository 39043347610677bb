package dev.gen.appconfig;

/** The application's own configuration cannot be read; the message names the file and the fix. */
public final class ApplicationConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ApplicationConfigException(String message) {
        super(message);
    }
}
