package dev.gen.appconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code application.properties} / {@code application.yml} of the entity classpath, merged as Spring Boot merges
 * them: {@code classpath:/} then {@code classpath:/config/}, YAML before properties within one location, and the
 * profile's files ({@code application-<profile>.*}) over all of those. Each key remembers its file.
 */
final class ApplicationFiles {

    private static final List<String> LOCATIONS = List.of("", "config/");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> profiles;

    private ApplicationFiles(List<String> profiles) {
        this.profiles = profiles;
    }

    /**
     * @param profile the profile gen was given, or null to use {@code spring.profiles.active} of the files
     */
    static ApplicationFiles read(ClasspathResources classpath, String profile) {
        ApplicationFiles base = new ApplicationFiles(profile == null ? List.of() : List.of(profile));
        base.load(classpath, "application");
        List<String> active = new ArrayList<>();
        if (profile != null) {
            active.add(profile);
        } else if (base.values.get("spring.profiles.active") != null) {
            for (String name : base.values.get("spring.profiles.active").split(",")) {
                if (!name.isBlank()) {
                    active.add(name.trim());
                }
            }
        }
        if (active.isEmpty()) {
            return base;
        }
        ApplicationFiles merged = new ApplicationFiles(active);
        merged.load(classpath, "application");
        for (String name : active) {
            merged.load(classpath, "application-" + name);
        }
        return merged;
    }

    private void load(ClasspathResources classpath, String baseName) {
        for (String location : LOCATIONS) {
            for (String extension : List.of(".yaml", ".yml", ".properties")) {
                String name = location + baseName + extension;
                classpath.find(name).ifPresent(resource -> {
                    Map<String, String> read = extension.equals(".properties")
                            ? PropertyFiles.properties(resource) : PropertyFiles.yaml(resource, profiles);
                    read.forEach((key, value) -> {
                        values.put(key, value);
                        sources.put(key, name);
                    });
                });
            }
        }
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    List<String> profiles() {
        return profiles;
    }

    Map<String, String> values() {
        return values;
    }

    /** The file a key was read from, {@code application-dev.yml}. */
    String source(String key) {
        return sources.get(key);
    }
}
