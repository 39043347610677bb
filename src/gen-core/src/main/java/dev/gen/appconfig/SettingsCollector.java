package dev.gen.appconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers what the readers find; a later {@code put} of the same key wins, as a later source does. */
final class SettingsCollector {

    private final Map<String, String> hibernate = new LinkedHashMap<>();
    private final Map<String, SettingOrigin> origins = new LinkedHashMap<>();
    private final List<String> packages = new ArrayList<>();
    private final List<String> managedClasses = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String url;
    private String user;

    void hibernate(String key, String value, String source) {
        hibernate.put(key, value);
        origins.put(key, new SettingOrigin(key, value, source));
    }

    boolean hasHibernate(String key) {
        return hibernate.containsKey(key);
    }

    void url(String value, String source) {
        url = value;
        origins.put("url", new SettingOrigin("url", value, source)); // printed through Secrets.redactUrl
    }

    void user(String value, String source) {
        user = value;
        origins.put("user", new SettingOrigin("user", value, source));
    }

    void packages(List<String> value, String source) {
        packages.clear();
        packages.addAll(value);
        origins.put("packages", new SettingOrigin("packages", String.join(",", value), source));
    }

    void managedClasses(List<String> value, String source) {
        managedClasses.clear();
        managedClasses.addAll(value);
        origins.put("classes", new SettingOrigin("classes", String.join(",", value), source));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    ApplicationSettings build() {
        return new ApplicationSettings(hibernate, url, user, packages, managedClasses, List.copyOf(origins.values()),
                warnings);
    }
}
