package dev.gen.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name exactly as the PostgreSQL catalog stores it: case-sensitive, unquoted.
 * Unquoted Hibernate identifiers are folded to lower case before they get here, as PostgreSQL folds them.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    /** For messages and Javadoc, never for SQL (the renderer quotes). */
    @Override
    public String toString() {
        return schema + "." + name;
    }
}
