package dev.gen.normalize;

import dev.gen.model.QualifiedName;

/**
 * PostgreSQL rejects part of the desired schema (a type, a default, a check or an index text that came from the
 * entity mappings); the message names the table, the column or constraint and the text.
 */
public class DesiredSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final QualifiedName table;
    private final String element;
    private final String text;

    DesiredSchemaException(String message, QualifiedName table, String element, String text, Throwable cause) {
        super(message, cause);
        this.table = table;
        this.element = element;
        this.text = text;
    }

    /** The table the rejected text belongs to, or null when it is not a table's (an enum type, a sequence). */
    public QualifiedName table() {
        return table;
    }

    /** The column, constraint or index the text belongs to, or null. */
    public String element() {
        return element;
    }

    /** The rejected text, or null when the failure could not be narrowed down. */
    public String text() {
        return text;
    }
}
