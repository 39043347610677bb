package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import java.util.Collection;
import java.util.stream.Collectors;

/** Quoting for the few statements this package builds itself (the scratch tables of the normaliser). */
final class Sql {

    private Sql() {
    }

    /** An identifier in double quotes, embedded quotes doubled: always quoted, so case and keywords survive. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String qualified(QualifiedName name) {
        return identifier(name.schema()) + "." + identifier(name.name());
    }

    /** A string literal; {@code standard_conforming_strings} is on in every supported PostgreSQL. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * The search_path under which both sides are read: the managed schemas in sorted order. Objects in them
     * print unqualified, anything else schema-qualified, whatever the session's own search_path is.
     */
    static String searchPath(Collection<String> schemas) {
        return schemas.stream().sorted().map(Sql::identifier).collect(Collectors.joining(", "));
    }
}
