package dev.gen.core;

import dev.gen.appconfig.ApplicationSettings;
import dev.gen.appconfig.SettingOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where each effective setting came from, for {@code --verbose}: gen's own (flag, environment, gen.properties) over
 * the application's (Spring Boot, Quarkus, persistence.xml, their defaults). Never a password; URLs redacted.
 */
final class ApplicationOrigins {

    private static final List<String> GEN_KEYS = List.of("url", "user", "schema", "classpath", "packages",
            "spring-profile", "persistence-unit");

    private ApplicationOrigins() {
    }

    static String sourceOf(ApplicationSettings application, String key) {
        return application.origins().stream().filter(origin -> origin.key().equals(key)).map(SettingOrigin::source)
                .findFirst().orElse("?");
    }

    /** @param source gen's source of a key ({@code --url}, {@code GEN_URL}, {@code gen.properties}) or null */
    static ApplicationSettings withGenSettings(ApplicationSettings application, Function<String, String> source,
            Function<String, String> value, Properties file) {
        Map<String, SettingOrigin> origins = new LinkedHashMap<>();
        for (SettingOrigin origin : application.origins()) {
            origins.put(origin.key(), origin);
        }
        for (String key : GEN_KEYS) {
            String from = source.apply(key);
            if (from != null) {
                origins.put(key, new SettingOrigin(key, value.apply(key), from));
            }
        }
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.")) {
                origins.put(key, new SettingOrigin(key, file.getProperty(key).trim(), ConfigResolver.DEFAULT_CONFIG_FILE));
            }
        }
        return new ApplicationSettings(application.hibernateProperties(), application.url(), application.user(),
                application.packages(), application.managedClasses(), new ArrayList<>(origins.values()),
                application.warnings());
    }

    /** One line per setting, for {@code --verbose}. */
    static List<String> describe(GenConfig config) {
        List<String> lines = new ArrayList<>();
        for (SettingOrigin origin : config.application().origins()) {
            String value = origin.key().equals("url") ? Secrets.redactUrl(origin.value()) : origin.value();
            lines.add(origin.key() + "=" + value + "  (from " + origin.source() + ")");
        }
        return lines;
    }
}
