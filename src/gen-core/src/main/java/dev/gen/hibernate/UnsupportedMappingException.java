package dev.gen.hibernate;

/**
 * Hibernate maps something gen cannot yet express as a migration. Raised instead of writing a migration
 * that would silently differ from what Hibernate expects.
 */
public class UnsupportedMappingException extends RuntimeException {
    public UnsupportedMappingException(String message) {
        super(message);
    }
}
