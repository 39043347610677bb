package dev.gen.core.shadow;

/**
 * The database part of a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db?params}, also with several
 * hosts, without a host, or without a database), replaced or read without touching the rest: host, port and
 * parameters (ssl, a password given as a parameter) stay as the user wrote them.
 */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql:";

    private JdbcUrls() {
    }

    /** The URL with {@code database} in place of its database; {@code database} is a plain {@code [a-z0-9_]} name. */
    static String withDatabase(String url, String database) {
        int[] span = databaseSpan(url);
        return url.substring(0, span[0]) + (span[2] == 1 ? "/" : "") + database + url.substring(span[1]);
    }

    /** The database the URL names, or the empty string when it names none (the server then uses the user's name). */
    static String databaseOf(String url) {
        int[] span = databaseSpan(url);
        return url.substring(span[0], span[1]);
    }

    /** Start and end of the database name in {@code url}, and 1 when a slash must precede a database put there. */
    private static int[] databaseSpan(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
        int query = url.indexOf('?');
        int end = query < 0 ? url.length() : query;
        int start = PREFIX.length();
        if (url.startsWith("//", start)) {
            int slash = url.indexOf('/', start + 2);
            if (slash < 0 || slash > end) {
                // jdbc:postgresql://host:5432 or ...://host?x: no database yet, so a slash is inserted before it.
                return new int[] {end, end, 1};
            }
            start = slash + 1;
        }
        return new int[] {start, end, 0};
    }
}
