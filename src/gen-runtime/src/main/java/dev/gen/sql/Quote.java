package dev.gen.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where text becomes PostgreSQL SQL: identifiers, string literals and dollar quotes. Every SQL writer
 * of gen (the renderer, the normaliser, the introspector and the runner) quotes through here, so a name that
 * reaches SQL is quoted the same way everywhere. Values that are not part of DDL text are bound as parameters,
 * never quoted into a statement.
 */
public final class Quote {

    private Quote() {
    }

    /**
     * An identifier in double quotes with embedded quotes doubled. Always quoted, so reserved words, case and
     * punctuation need no special cases. PostgreSQL cannot store a NUL character in a name, so one is refused.
     */
    public static String ident(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier cannot contain a NUL character: "
                    + name.replace("\0", "\\0"));
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}. */
    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** Identifiers separated by {@code ", "}, in the given order. */
    public static String idents(List<String> names) {
        return names.stream().map(Quote::ident).collect(Collectors.joining(", "));
    }

    /**
     * A string literal. {@code standard_conforming_strings} is on in every supported PostgreSQL (the default since
     * 9.1), so doubling single quotes is all the escaping there is; a NUL character cannot be stored and is refused.
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A string literal cannot contain a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code body} between dollar quotes whose tag ({@code $gen$}, {@code $gen1$}, ...) does not occur in it. */
    public static String dollarQuoted(String body) {
        String tag = "$gen$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$gen" + i + "$";
        }
        return tag + body + tag;
    }
}
