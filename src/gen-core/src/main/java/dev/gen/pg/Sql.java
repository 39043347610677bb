package dev.gen.pg;

import dev.gen.model.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting for identifiers and literals: every name that reaches SQL passes through here. */
public final class Sql {

    private Sql() {
    }

    /** Always quotes, so that reserved words and mixed case need no special cases. */
    public static String ident(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier cannot contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String ident(QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }

    public static String idents(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    /** A string literal; PostgreSQL's standard_conforming_strings (on since 9.1) makes doubling quotes enough. */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A string literal cannot contain a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
