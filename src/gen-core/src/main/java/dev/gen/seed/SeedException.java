package dev.gen.seed;

/**
 * The seed file cannot be loaded: it is malformed, does not match the entities, or its rows violate a constraint.
 * The message is one paragraph naming the file, the JSON path, the entity and the attribute; nothing was inserted.
 */
public final class SeedException extends RuntimeException {

    /** What went wrong, for the exit code: the file itself, or the rows it would insert. */
    public enum Kind {
        /** The file cannot be read or parsed, or does not match the entities (names, types, labels, required). */
        INPUT,
        /** The rows it describes conflict with the database or each other (unique, foreign key, check). */
        CONSTRAINT,
        /** A second run found seeded rows and was told to refuse ({@link ExistingRows#REFUSE}). */
        EXISTING
    }

    private final Kind kind;

    public SeedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SeedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
