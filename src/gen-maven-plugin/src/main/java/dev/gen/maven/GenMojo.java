package dev.gen.maven;

import dev.gen.core.ConfigResolver;
import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: gen's settings, read as the command line reads them, plus what Maven knows about the
 * project (its classpath and source folder). Precedence, highest first: {@code -Dgen.<option>} on the command line,
 * the plugin's {@code <configuration>}, the environment ({@code GEN_URL}, ...), {@code gen.properties}, then the
 * project's defaults. The password never comes from the pom: {@code passwordEnv}, {@code passwordFile},
 * {@code GEN_PASSWORD}, or the {@code <server>} of {@code settings.xml} named by {@code serverId}.
 */
abstract class GenMojo extends AbstractMojo {

    /** Where migrations live when nothing says otherwise: compiled with the application, shipped in its jar. */
    static final String DEFAULT_MIGRATIONS_PACKAGE = "db.migration";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @org.apache.maven.plugins.annotations.Component
    SettingsDecrypter decrypter;

    /** JDBC URL ({@code gen.url}); better kept out of the pom: {@code -Dgen.url}, {@code GEN_URL}, gen.properties. */
    @Parameter
    String url;

    /** Database user ({@code gen.user}), or the {@code <username>} of the server named by {@code serverId}. */
    @Parameter
    String user;

    /** The {@code <server>} of settings.xml whose username and password gen connects with ({@code gen.serverId}). */
    @Parameter
    String serverId;

    /** Environment variable that holds the password ({@code gen.password-env}). */
    @Parameter
    String passwordEnv;

    /** File that holds the password ({@code gen.password-file}). */
    @Parameter
    String passwordFile;

    /** Schemas gen manages, comma-separated ({@code gen.schema}). */
    @Parameter
    String schema;

    /** Only scan these packages for entities ({@code gen.packages}). */
    @Parameter
    String packages;

    /** Java package of the application's migrations ({@code gen.migrations-package}; default db.migration). */
    @Parameter
    String migrationsPackage;

    /** Directory of migration sources ({@code gen.dir}; default src/main/java/&lt;migrations package&gt;). */
    @Parameter
    String dir;

    /** Migration locations, the application's own first: directories or classpath:&lt;package&gt; ({@code gen.locations}). */
    @Parameter
    List<String> locations;

    /** History table ({@code gen.history-table}; default gen_migrations). */
    @Parameter
    String historyTable;

    /** Tables gen leaves alone, glob patterns ({@code gen.exclude-table}). */
    @Parameter
    List<String> excludeTables;

    /** gen's properties file ({@code gen.config}; default gen.properties in the project's directory, if present). */
    @Parameter
    File configFile;

    /** Skip the goal ({@code gen.skip}). */
    @Parameter(property = "gen.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("gen: skipped (gen.skip)");
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            int exitCode = ExitCodes.of(e); // the command line's mapping, so both front ends exit alike
            if (exitCode == ExitCodes.INTERNAL && !(e instanceof GenException)) {
                throw e; // a bug in gen: Maven reports it as an error, with the stack trace
            }
            throw failure(e.getMessage(), exitCode, e);
        }
    }

    /** The desired-schema cache of this project, as the command line keeps it in its working directory. */
    java.nio.file.Path cacheDirectory() {
        return project.getBasedir().toPath().resolve(dev.gen.core.Generator.CACHE_DIRECTORY);
    }

    abstract void run() throws MojoFailureException, MojoExecutionException;

    /** A failure of the user's input or database ends the build with gen's message; a bug in gen is an error. */
    static MojoFailureException failure(String message, int exitCode, Exception cause) {
        return new MojoFailureException("gen (exit " + exitCode + "): " + message, cause);
    }

    /** gen's settings for this project and goal. */
    GenConfig config(boolean requireUrl) {
        if (session.getUserProperties().containsKey("gen.password")) {
            // it would sit in the process list and the shell's history
            throw new GenException("-Dgen.password is not read: a password on the command line is visible to every"
                    + " user of the machine. Use GEN_PASSWORD, -Dgen.password-env=<VAR>, -Dgen.password-file=<path>,"
                    + " or serverId with a <server> in settings.xml.", ExitCodes.USAGE);
        }
        Map<String, String> flags = new HashMap<>();
        put(flags, "url", url);
        put(flags, "user", user);
        put(flags, "password-env", passwordEnv);
        put(flags, "password-file", passwordFile);
        put(flags, "schema", schema);
        put(flags, "packages", packages);
        put(flags, "migrations-package", migrationsPackage);
        put(flags, "dir", dir);
        put(flags, "locations", locations == null ? null : String.join(",", locations));
        put(flags, "history-table", historyTable);
        put(flags, "exclude-table", excludeTables == null ? null : String.join(",", excludeTables));
        // -Dgen.<option> on the command line beats the pom, as -D does for every Maven property
        session.getUserProperties().forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith("gen.") && !GOAL_OPTIONS.contains(name.substring("gen.".length()))) {
                flags.put(name.substring("gen.".length()), value.toString());
            }
        });
        Map<String, String> env = new HashMap<>(System.getenv());
        serverCredentials(flags, env);
        Path base = project.getBasedir().toPath();
        Path configPath = flags.containsKey("config") ? Path.of(flags.remove("config"))
                : configFile == null ? null : configFile.toPath();
        ProjectDefaults defaults = new ProjectDefaults(project, base);
        GenConfig first = ConfigResolver.resolve(flags, env, configPath, base, false,
                defaults.before(DEFAULT_MIGRATIONS_PACKAGE));
        return ConfigResolver.resolve(flags, env, configPath, base, requireUrl,
                defaults.after(first.migrationsPackage(), first.migrationsDir()));
    }

    /**
     * One option of a goal, by the command line's name ({@code name}, {@code allow-destructive}, ...):
     * {@code -Dgen.<key>} when given, else the pom's value (null when neither).
     */
    String option(String key, Object pomValue) {
        Object commandLine = session.getUserProperties().get("gen." + key);
        return commandLine != null ? commandLine.toString() : pomValue == null ? null : pomValue.toString();
    }

    boolean flag(String key, boolean pomValue) {
        return Boolean.parseBoolean(option(key, pomValue));
    }

    /** {@code serverId}: the server's username, and its password (decrypted) through a variable only gen reads. */
    private void serverCredentials(Map<String, String> flags, Map<String, String> env) {
        String id = flags.remove("serverId");
        id = id != null ? id : serverId;
        if (id == null) {
            return;
        }
        org.apache.maven.settings.Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new GenException("serverId names the server " + id + ", which settings.xml does not define. Add"
                    + " <server><id>" + id + "</id><username>...</username><password>...</password></server> to"
                    + " ~/.m2/settings.xml, or drop serverId.", ExitCodes.USAGE);
        }
        if (decrypter != null) {
            var result = decrypter.decrypt(new org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest(
                    server));
            if (!result.getServers().isEmpty()) {
                server = result.getServers().get(0);
            }
        }
        if (server.getUsername() != null) {
            flags.putIfAbsent("user", server.getUsername());
        }
        if (server.getPassword() != null && !flags.containsKey("password-env") && !flags.containsKey("password-file")) {
            env.put(SERVER_PASSWORD, server.getPassword());
            flags.put("password-env", SERVER_PASSWORD);
        }
    }

    /** Options of the goals, not of gen's configuration; {@code gen.password} is never read (no plain password). */
    private static final java.util.Set<String> GOAL_OPTIONS = java.util.Set.of("skip", "password", "name",
            "allow-destructive", "dry-run", "out-of-order", "fake", "to", "count", "version", "file", "no-migrate",
            "existing", "migrations", "shadow-url");

    /** Lives only in the copy of the environment handed to gen's resolver, never in the process's. */
    private static final String SERVER_PASSWORD = "GEN_MAVEN_SERVER_PASSWORD";

    static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
