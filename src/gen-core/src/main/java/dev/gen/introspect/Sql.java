package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import dev.gen.sql.Quote;
import java.util.Collection;
import java.util.stream.Collectors;

/** The normaliser's and introspector's access to {@link Quote}, the one quoting rule, for gen's model. */
final class Sql {

    private Sql() {
    }

    /** An identifier in double quotes, embedded quotes doubled: always quoted, so case and keywords survive. */
    static String identifier(String name) {
        return Quote.ident(name);
    }

    static String qualified(QualifiedName name) {
        return identifier(name.schema()) + "." + identifier(name.name());
    }

    /** A string literal; {@code standard_conforming_strings} is on in every supported PostgreSQL. */
    static String literal(String text) {
        return Quote.literal(text);
    }

    /** {@code body} in dollar quotes with a tag it does not contain. */
    static String dollarQuoted(String body) {
        return Quote.dollarQuoted(body);
    }

    /**
     * The search_path under which both sides are read: the managed schemas in sorted order. Objects in them
     * print unqualified, anything else schema-qualified, whatever the session's own search_path is.
     */
    static String searchPath(Collection<String> schemas) {
        return schemas.stream().sorted().map(Sql::identifier).collect(Collectors.joining(", "));
    }
}
