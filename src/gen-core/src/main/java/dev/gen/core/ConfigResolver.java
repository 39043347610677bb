package dev.gen.core;

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
 * {@code exclude-table}, {@code exclude-service}, {@code migrations-classpath}, {@code online}, {@code migration-lock-timeout}, {@code migrations-package}, {@code shadow-url} (read by
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
        Properties file = load(configFile, workingDirectory);
        Settings settings = new Settings(flags, env, file);

        String url = settings.get("url");
        if (!requireUrl && (url == null || url.isBlank())) {
            url = null;
        } else if (url == null || url.isBlank()) {
            throw new GenException("No database URL is configured. Pass --url jdbc:postgresql://host:5432/db, set"
                    + " GEN_URL, or put url=... in gen.properties.", ExitCodes.USAGE);
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new GenException("The URL " + Secrets.redactUrl(url) + " is not a PostgreSQL JDBC URL; it must"
                    + " start with jdbc:postgresql:// (for example jdbc:postgresql://localhost:5432/app).",
                    ExitCodes.USAGE);
        }
        String password = password(flags, env, file, workingDirectory);
        List<String> schemas = split(settings.getOrDefault("schema", "public"));
        Path dir = workingDirectory.resolve(settings.getOrDefault("dir", "generated"));
        List<Path> classpath = paths(settings.get("classpath"), workingDirectory);
        Map<String, String> hibernate = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.")) {
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
        return new GenConfig(url, settings.get("user"), password, schemas, classpath,
                split(settings.getOrDefault("packages", "")), dir, migrationsPackage,
                settings.getOrDefault("history-table", "gen_migrations"),
                split(settings.getOrDefault("exclude-table", "")), hibernate,
                Boolean.parseBoolean(settings.getOrDefault("online", "false")),
                "none".equalsIgnoreCase(lockTimeout) ? null : lockTimeout,
                split(settings.getOrDefault("exclude-service", "")),
                paths(settings.get("migrations-classpath"), workingDirectory));
    }

    /** One setting by the same precedence, for a key only some commands read (such as {@code shadow-url}). */
    public static String setting(String key, String flag, Map<String, String> env, Path configFile,
            Path workingDirectory) {
        return new Settings(flag == null ? Map.of() : Map.of(key, flag), env, load(configFile, workingDirectory))
                .get(key);
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
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
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

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Flag, then environment, then file, for one key. */
    private record Settings(Map<String, String> flags, Map<String, String> env, Properties file) {
        private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

        static {
            ENVIRONMENT.put("url", "GEN_URL");
            ENVIRONMENT.put("user", "GEN_USER");
            ENVIRONMENT.put("schema", "GEN_SCHEMA");
            ENVIRONMENT.put("classpath", "GEN_CLASSPATH");
            ENVIRONMENT.put("dir", "GEN_DIR");
            ENVIRONMENT.put("packages", "GEN_PACKAGES");
            ENVIRONMENT.put("history-table", "GEN_HISTORY_TABLE");
            ENVIRONMENT.put("exclude-table", "GEN_EXCLUDE_TABLE");
            ENVIRONMENT.put("online", "GEN_ONLINE");
            ENVIRONMENT.put("migration-lock-timeout", "GEN_MIGRATION_LOCK_TIMEOUT");
            ENVIRONMENT.put("shadow-url", "GEN_SHADOW_URL");
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
            return value == null ? null : value.trim();
        }

        String getOrDefault(String key, String fallback) {
            String value = get(key);
            return value == null ? fallback : value;
        }
    }
}
