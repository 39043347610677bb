package dev.gen.cli;

import dev.gen.core.ConfigResolver;
import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command shares; their values win over the environment and gen.properties. Each flag here but
 * {@link #NOT_SETTINGS} sets the setting of its own name ({@code --history-table} sets {@code history-table}), so a
 * new setting is one declaration; a repeated flag's values are joined with commas.
 */
public final class CommonOptions {

    /** The flags that say how to read the settings rather than set one. */
    private static final Set<String> NOT_SETTINGS = Set.of("config", "verbose");

    /** This mixin's own options, read by name in {@link #resolve(boolean)}. */
    @Spec(Spec.Target.SELF)
    CommandSpec self;

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

    @Option(names = "--spring-profile", paramLabel = "<profile>",
            description = "Read the application's application-<profile>.properties/.yml too (GEN_SPRING_PROFILE).")
    String springProfile;

    @Option(names = "--persistence-unit", paramLabel = "<name>",
            description = "The unit of META-INF/persistence.xml to use (default: the only one).")
    String persistenceUnit;

    @Option(names = {"-v", "--verbose"},
            description = "Show Hibernate's log, stack traces, and where each setting came from.")
    boolean verbose;

    GenConfig resolve() {
        return resolve(true);
    }

    /** For commands that never connect. */
    GenConfig resolveWithoutDatabase() {
        return resolve(false);
    }

    private GenConfig resolve(boolean requireUrl) {
        refusePasswordInUrlFlag(url);
        Map<String, String> flags = new HashMap<>();
        for (OptionSpec option : self.options()) {
            String key = option.longestName().substring("--".length());
            if (!NOT_SETTINGS.contains(key)) {
                Object value = option.getValue();
                put(flags, key, value instanceof List<?> values ? String.join(",", values.stream().map(String::valueOf)
                        .toList()) : (String) value);
            }
        }
        extra(flags);
        return ConfigResolver.resolve(flags, System.getenv(), config, Path.of("").toAbsolutePath(), requireUrl);
    }

    /**
     * A flag's value is visible to every user of the machine in the process list, so a password inside {@code --url}
     * is refused rather than merely masked in gen's output. A URL from {@code GEN_URL} or gen.properties may carry
     * one: neither shows in the process list.
     */
    static void refusePasswordInUrlFlag(String url) {
        if (dev.gen.core.Secrets.urlHasPassword(url)) {
            throw new GenException("--url " + dev.gen.core.Secrets.redactUrl(url) + " carries a password, which every"
                    + " user of this machine can read in the process list while gen runs. Remove it from --url and"
                    + " give it with GEN_PASSWORD, --password-env <VAR> or --password-file <path> (or password= in"
                    + " gen.properties, or in a URL set with GEN_URL or url= there).", ExitCodes.USAGE);
        }
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
