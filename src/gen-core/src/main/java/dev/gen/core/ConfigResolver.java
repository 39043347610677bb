package dev.gen.core;

import dev.gen.appconfig.ApplicationConfigException;
import dev.gen.appconfig.ApplicationConfigReader;
import dev.gen.appconfig.ApplicationSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolves gen's settings with one precedence everywhere: a command-line flag, then the environment
 * ({@code GEN_URL}, ...), then the properties file ({@code gen.properties}).
 *
 * <p>Keys (flag name without dashes, property name, environment variable): {@code url}, {@code user},
 * {@code schema}, {@code classpath}, {@code packages}, {@code dir}, {@code history-table},
 * {@code exclude-table}, {@code exclude-service}, {@code migrations-classpath}, {@code locations}, {@code online}, {@code migration-lock-timeout}, {@code migrations-package}, {@code large-table-rows}, {@code large-table-bytes}, {@code shadow-url} (read by
 * {@link #setting}). The password comes
 * from {@code --password-env VAR}, {@code --password-file PATH}, {@code GEN_PASSWORD}, or the file's
 * {@code password} key; never from a flag's value.
 */
public final class ConfigResolver {

    public static final String DEFAULT_CONFIG_FILE = "gen.properties";

    private ConfigResolver() {
    }

    /**
     * @param flags values given on the command line, by key; absent keys were not given
     * @param env the process environment
     * @param configFile the file named by --config, or null for {@code gen.properties} if it exists
     * @param workingDirectory where relative paths are resolved
     */
    public static GenConfig resolve(Map<String, String> flags, Map<String, String> env, Path configFile,
            Path workingDirectory) {
        return resolve(flags, env, configFile, workingDirectory, true);
    }

    /** @param requireUrl false for commands that never connect ({@code migration:create}) */
    public static GenConfig resolve(Map<String, String> flags, Map<String, String> env, Path configFile,
            Path workingDirectory, boolean requireUrl) {
        return resolve(flags, env, configFile, workingDirectory, requireUrl, Map.of());
    }

    /**
     * @param defaults values below the properties file, by key: what a build tool knows about the project (the
     *     Maven plugin's migrations directory and classpath), which any flag, variable or file entry overrides
     */
    public static GenConfig resolve(Map<String, String> flags, Map<String, String> env, Path configFile,
            Path workingDirectory, boolean requireUrl, Map<String, String> defaults) {
        Properties file = load(configFile, workingDirectory);
        ConfigKeys.checkKeys(file, configFile != null ? configFile : DEFAULT_CONFIG_FILE);
        Settings settings = new Settings(flags, env, file, defaults);
        settings.checkValues();

        List<Path> classpath = paths(settings.get("classpath"), workingDirectory);
        ApplicationSettings application = application(classpath, settings, env);
        String url = settings.get("url");
        boolean urlFromApplication = (url == null || url.isBlank()) && application.url() != null;
        if (urlFromApplication) {
            url = application.url();
        }
        if (!requireUrl && (url == null || url.isBlank())) {
            url = null;
        } else if (url == null || url.isBlank()) {
            throw new GenException("No database URL is configured. Pass --url jdbc:postgresql://host:5432/db, set"
                    + " GEN_URL, or put url=... in gen.properties.", ExitCodes.USAGE);
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new GenException("The URL " + Secrets.redactUrl(url)
                    + (urlFromApplication ? " (from the application's configuration, "
                            + ApplicationOrigins.sourceOf(application, "url") + ")" : "") + " is not a PostgreSQL JDBC"
                    + " URL; it must start with jdbc:postgresql:// (for example jdbc:postgresql://localhost:5432/app)."
                    + (urlFromApplication ? " Give gen the database with --url, GEN_URL or url= in gen.properties." : ""),
                    ExitCodes.USAGE);
        }
        String password = password(flags, env, file, workingDirectory);
        // An application that puts its tables in another schema (Quarkus's database.default-schema, Spring's
        // spring.jpa.properties.hibernate.default_schema) has gen manage that one, unless gen is told otherwise.
        String applicationSchema = application.hibernateProperties().get("hibernate.default_schema");
        List<String> schemas = split(settings.getOrDefault("schema",
                applicationSchema == null || applicationSchema.isBlank() ? "public" : applicationSchema.trim()));
        Path dir = workingDirectory.resolve(settings.getOrDefault("dir", "generated"));
        Map<String, String> hibernate = new TreeMap<>(application.hibernateProperties());
        for (String key : file.stringPropertyNames()) {
            if (ConfigKeys.isHibernateKey(key)) {
                hibernate.put(key, file.getProperty(key).trim());
            }
        }
        String lockTimeout = settings.getOrDefault("migration-lock-timeout", "5s");
        String migrationsPackage = blankToNull(settings.get("migrations-package"));
        try {
            // Checked here, so that a typo is a usage error before anything connects or is written.
            new dev.gen.emit.EmitOptions(migrationsPackage, "none".equalsIgnoreCase(lockTimeout) ? null : lockTimeout,
                    null);
        } catch (dev.gen.emit.EmitUsageException e) {
            throw new GenException(e.getMessage() + " Correct migrations-package or migration-lock-timeout in "
                    + (configFile != null ? configFile : DEFAULT_CONFIG_FILE) + " (or GEN_MIGRATION_LOCK_TIMEOUT).",
                    ExitCodes.USAGE, e);
        }
        String user = settings.get("user") != null ? settings.get("user") : application.user();
        List<String> packages = settings.get("packages") != null ? split(settings.get("packages"))
                : application.packages();
        List<Path> migrationsClasspath = paths(settings.get("migrations-classpath"), workingDirectory);
        List<String> locations = locations(settings.get("locations"), workingDirectory);
        List<String> declared = locations.isEmpty()
                ? DeclaredLocations.on(migrationsClasspath.isEmpty() ? classpath : migrationsClasspath) : List.of();
        if (!declared.isEmpty()) {
            // A library on the classpath ships migrations (a jar's META-INF/gen/locations): they run with the
            // application's own directory, as the Spring Boot starter runs them, loaded from the same classpath.
            List<String> all = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                all.add(dir.toString());
            }
            all.addAll(declared);
            locations = List.copyOf(all);
            migrationsClasspath = migrationsClasspath.isEmpty() ? classpath : migrationsClasspath;
        }
        return new GenConfig(url, user, password, schemas, classpath, packages, dir, migrationsPackage,
                settings.getOrDefault("history-table", "gen_migrations"),
                split(settings.getOrDefault("exclude-table", "")), hibernate,
                ConfigKeys.parseBoolean(settings.getOrDefault("online", "false")),
                "none".equalsIgnoreCase(lockTimeout) ? null : lockTimeout,
                split(settings.getOrDefault("exclude-service", "")),
                migrationsClasspath,
                threshold(settings, "large-table-rows", dev.gen.plan.LargeTables.DEFAULT_ROWS, false),
                threshold(settings, "large-table-bytes", dev.gen.plan.LargeTables.DEFAULT_BYTES, true),
                ApplicationOrigins.withGenSettings(application, settings::source, settings::get, file),
                locations);
    }

    /** {@code large-table-rows=1M}, {@code large-table-bytes=1GB}: a usage error names the key and the forms. */
    private static long threshold(Settings settings, String key, long fallback, boolean bytes) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return dev.gen.plan.LargeTables.parse(key, value, bytes);
        } catch (IllegalArgumentException e) {
            throw new GenException(e.getMessage() + " Correct --" + key + " or " + key + " in "
                    + DEFAULT_CONFIG_FILE + ".", ExitCodes.USAGE, e);
        }
    }

    /** The application's own configuration on the entity classpath; gen's settings win over all of it. */
    private static ApplicationSettings application(List<Path> classpath, Settings settings, Map<String, String> env) {
        try {
            return ApplicationConfigReader.read(classpath, blankToNull(settings.get("spring-profile")),
                    blankToNull(settings.get("persistence-unit")), env);
        } catch (ApplicationConfigException e) {
            throw new GenException(e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** One setting by the same precedence, for a key only some commands read (such as {@code shadow-url}). */
    public static String setting(String key, String flag, Map<String, String> env, Path configFile,
            Path workingDirectory) {
        return new Settings(flag == null ? Map.of() : Map.of(key, flag), env, load(configFile, workingDirectory),
                Map.of()).get(key);
    }

    private static String password(Map<String, String> flags, Map<String, String> env, Properties file,
            Path workingDirectory) {
        String variable = flags.get("password-env");
        if (variable != null) {
            String value = env.get(variable);
            if (value == null) {
                throw new GenException("--password-env names the environment variable " + variable
                        + ", which is not set. Export it, or use --password-file.", ExitCodes.USAGE);
            }
            return value;
        }
        String passwordFile = flags.get("password-file");
        if (passwordFile != null) {
            Path path = workingDirectory.resolve(passwordFile);
            try {
                return Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new GenException("Cannot read the password file " + path + ": " + e.getMessage()
                        + ". Check the path given with --password-file.", ExitCodes.USAGE);
            }
        }
        if (env.get("GEN_PASSWORD") != null) {
            return env.get("GEN_PASSWORD");
        }
        return file.getProperty("password");
    }

    private static Properties load(Path configFile, Path workingDirectory) {
        Properties properties = new Properties();
        Path path = configFile != null ? workingDirectory.resolve(configFile)
                : workingDirectory.resolve(DEFAULT_CONFIG_FILE);
        if (!Files.exists(path)) {
            if (configFile != null) {
                throw new GenException("The configuration file " + path + " does not exist. Correct --config, or"
                        + " drop it to use " + DEFAULT_CONFIG_FILE + " in the working directory.", ExitCodes.USAGE);
            }
            return properties;
        }
        try (Reader reader = ConfigText.reader(path)) {
            properties.load(reader);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GenException("The configuration file " + path + " is not UTF-8 text (" + e.getMessage()
                    + "); gen reads it as UTF-8. Save it as UTF-8, or write other characters as \\uXXXX escapes.",
                    ExitCodes.USAGE);
        } catch (IOException | IllegalArgumentException e) {
            throw new GenException("Cannot read the configuration file " + path + ": " + e.getMessage() + ".",
                    ExitCodes.USAGE);
        }
        return properties;
    }

    private static List<Path> paths(String text, Path workingDirectory) {
        List<Path> paths = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split("[:" + java.io.File.pathSeparator + "]")) {
                if (!entry.isBlank()) {
                    paths.add(workingDirectory.resolve(entry.trim()).normalize());
                }
            }
        }
        return paths;
    }

    /** {@code classpath:<package>} entries as given; directories resolved like every other path. */
    private static List<String> locations(String text, Path workingDirectory) {
        return split(text).stream().map(entry -> entry.startsWith(Migrations.CLASSPATH_PREFIX) ? entry
                : workingDirectory.resolve(entry).normalize().toString()).toList();
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Flag, then environment, then file, then the caller's defaults, for one key. */
    private record Settings(Map<String, String> flags, Map<String, String> env, Properties file,
            Map<String, String> defaults) {
        private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

        static {
            ENVIRONMENT.put("url", "GEN_URL");
            ENVIRONMENT.put("user", "GEN_USER");
            ENVIRONMENT.put("schema", "GEN_SCHEMA");
            ENVIRONMENT.put("classpath", "GEN_CLASSPATH");
            ENVIRONMENT.put("dir", "GEN_DIR");
            ENVIRONMENT.put("packages", "GEN_PACKAGES");
            ENVIRONMENT.put("history-table", "GEN_HISTORY_TABLE");
            ENVIRONMENT.put("locations", "GEN_LOCATIONS");
            ENVIRONMENT.put("exclude-table", "GEN_EXCLUDE_TABLE");
            ENVIRONMENT.put("online", "GEN_ONLINE");
            ENVIRONMENT.put("migration-lock-timeout", "GEN_MIGRATION_LOCK_TIMEOUT");
            ENVIRONMENT.put("shadow-url", "GEN_SHADOW_URL");
            ENVIRONMENT.put("spring-profile", "GEN_SPRING_PROFILE");
            ENVIRONMENT.put("persistence-unit", "GEN_PERSISTENCE_UNIT");
        }

        /** Which of the three gave a key its value ({@code --url}, {@code GEN_URL}, {@code gen.properties}), or null. */
        String source(String key) {
            if (flags.get(key) != null) {
                return "--" + key;
            }
            String variable = ENVIRONMENT.get(key);
            if (variable != null && env.get(variable) != null && !env.get(variable).isBlank()) {
                return variable;
            }
            return file.getProperty(key) != null ? DEFAULT_CONFIG_FILE : null;
        }

        /** Every value a key has, wherever it is set, must be one the key can take. */
        void checkValues() {
            for (String key : ENVIRONMENT.keySet()) {
                ConfigKeys.checkValue(key, flags.get(key), "--" + key);
                String variable = ENVIRONMENT.get(key);
                ConfigKeys.checkValue(key, env.get(variable) == null || env.get(variable).isBlank() ? null
                        : env.get(variable), variable);
            }
            for (String key : file.stringPropertyNames()) {
                ConfigKeys.checkValue(key, file.getProperty(key), "in the properties file");
            }
        }

        String get(String key) {
            String flag = flags.get(key);
            if (flag != null) {
                return flag;
            }
            String variable = ENVIRONMENT.get(key);
            if (variable != null && env.get(variable) != null && !env.get(variable).isBlank()) {
                return env.get(variable);
            }
            String value = file.getProperty(key);
            return value != null ? value.trim() : defaults.get(key);
        }

        String getOrDefault(String key, String fallback) {
            String value = get(key);
            return value == null ? fallback : value;
        }
    }
}
