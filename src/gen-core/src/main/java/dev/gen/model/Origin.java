package dev.gen.model;

/**
 * Where a column comes from in the entity model, so that a refusal can name the field a developer edits.
 *
 * @param entityClass the entity (or collection owner) class
 * @param attributePath the attribute, dotted through embeddables ({@code address.city})
 * @param primitive the Java field is a primitive, which Hibernate always maps NOT NULL
 * @param requiredInSingleTableSubclass a non-null field of a SINGLE_TABLE subclass: the column is nullable
 *     and a check constraint demands a value for rows of that subclass
 */
public record Origin(String entityClass, String attributePath, boolean primitive,
        boolean requiredInSingleTableSubclass) {

    /** {@code com.example.app.AppUser.additionalNotes}. */
    public String field() {
        return entityClass + "." + attributePath;
    }
}
