package dev.gen.scan;

/** The classpath cannot be scanned, or holds no entity; the message says which and what to do. */
public class ScanException extends RuntimeException {
    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
