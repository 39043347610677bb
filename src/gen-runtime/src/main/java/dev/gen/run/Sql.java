package dev.gen.run;

/** Identifier quoting for the few statements the runner writes itself. Values are always bound, never inlined. */
final class Sql {

    private Sql() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
