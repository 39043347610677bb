package dev.gen.run;

import dev.gen.sql.Quote;

/** Identifier quoting for the few statements the runner writes itself. Values are always bound, never inlined. */
final class Sql {

    private Sql() {
    }

    static String quote(String identifier) {
        return Quote.ident(identifier);
    }

    static String qualified(String schema, String name) {
        return Quote.qualified(schema, name);
    }
}
