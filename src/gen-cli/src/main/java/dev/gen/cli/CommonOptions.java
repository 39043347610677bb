package dev.gen.cli;

import dev.gen.core.ConfigResolver;
import dev.gen.core.GenConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; their values win over the environment and gen.properties. */
public final class CommonOptions {

    @Option(names = "--url", paramLabel = "<jdbc-url>", description = "JDBC URL of the database (GEN_URL, url=).")
    String url;

    @Option(names = "--user", description = "Database user (GEN_USER, user=).")
    String user;

    @Option(names = "--password-env", paramLabel = "<VAR>",
            description = "Read the password from this environment variable (default: GEN_PASSWORD, then password=).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "<path>", description = "Read the password from this file.")
    String passwordFile;

    @Option(names = "--schema", paramLabel = "<name[,name...]>",
            description = "PostgreSQL schemas to manage; the first holds unqualified tables (default: public).")
    String schema;

    @Option(names = "--classpath", paramLabel = "<dir-or-jar[:...]>",
            description = "Compiled entity classes: directories and jars separated by ':' (GEN_CLASSPATH, classpath=).")
    String classpath;

    @Option(names = "--packages", paramLabel = "<pkg[,pkg...]>", description = "Only scan these packages.")
    String packages;

    @Option(names = "--dir", paramLabel = "<dir>", description = "Migrations directory (default: generated).")
    String dir;

    @Option(names = "--migrations-classpath", paramLabel = "<dir-or-jar[:...]>",
            description = "Run precompiled migrations from these directories or jars instead of compiling --dir.")
    String migrationsClasspath;

    @Option(names = "--locations", paramLabel = "<dir|classpath:pkg>",
            description = "Run migrations from these locations together, the application's own first: a directory of"
                    + " sources, or classpath:<package> in --migrations-classpath (repeatable; locations=).")
    java.util.List<String> locations;

    @Option(names = "--history-table", paramLabel = "<name>", description = "History table (default: gen_migrations).")
    String historyTable;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Properties file (default: gen.properties in the working directory, if present).")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Show Hibernate's log and stack traces.")
    boolean verbose;

    GenConfig resolve() {
        return resolve(true);
    }

    /** For commands that never connect. */
    GenConfig resolveWithoutDatabase() {
        return resolve(false);
    }

    private GenConfig resolve(boolean requireUrl) {
        Map<String, String> flags = new HashMap<>();
        put(flags, "url", url);
        put(flags, "user", user);
        put(flags, "password-env", passwordEnv);
        put(flags, "password-file", passwordFile);
        put(flags, "schema", schema);
        put(flags, "classpath", classpath);
        put(flags, "packages", packages);
        put(flags, "dir", dir);
        put(flags, "history-table", historyTable);
        put(flags, "migrations-classpath", migrationsClasspath);
        put(flags, "locations", locations == null ? null : String.join(",", locations));
        extra(flags);
        return ConfigResolver.resolve(flags, System.getenv(), config, Path.of("").toAbsolutePath(), requireUrl);
    }

    /** Command-specific flags that also have a configuration key. */
    private final Map<String, String> extras = new HashMap<>();

    void set(String key, String value) {
        put(extras, key, value);
    }

    private void extra(Map<String, String> flags) {
        flags.putAll(extras);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
