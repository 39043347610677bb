package dev.gen.pg;

import dev.gen.model.QualifiedName;
import dev.gen.sql.Quote;
import java.util.List;

/** The renderer's access to {@link Quote}, the one quoting rule, for names of gen's model. */
public final class Sql {

    private Sql() {
    }

    public static String ident(String name) {
        return Quote.ident(name);
    }

    public static String ident(QualifiedName name) {
        return Quote.qualified(name.schema(), name.name());
    }

    public static String idents(List<String> names) {
        return Quote.idents(names);
    }

    public static String literal(String value) {
        return Quote.literal(value);
    }

    /** {@code body} in dollar quotes with a tag it does not contain. */
    public static String dollarQuoted(String body) {
        return Quote.dollarQuoted(body);
    }
}
