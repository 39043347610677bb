package dev.gen.appconfig;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** {@code .properties} and YAML files as flat {@code dotted.key -> value} maps, as Spring Boot flattens them. */
final class PropertyFiles {

    private PropertyFiles() {
    }

    static Map<String, String> properties(ClasspathResources.Resource resource) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(resource.text()));
        } catch (IOException | IllegalArgumentException e) {
            throw new ApplicationConfigException("Cannot read " + resource.location() + ": " + e.getMessage()
                    + ". Fix the file (the application could not read it either).");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            flat.put(key, properties.getProperty(key).trim());
        }
        return flat;
    }

    /**
     * Every document of a YAML file, each flattened; a document with {@code spring.config.activate.on-profile}
     * only counts when one of its profiles is active, as in Spring Boot.
     */
    static Map<String, String> yaml(ClasspathResources.Resource resource, List<String> activeProfiles) {
        Map<String, String> flat = new LinkedHashMap<>();
        try {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(resource.text())) {
                Map<String, String> one = new LinkedHashMap<>();
                flatten("", document, one);
                String onProfile = one.remove("spring.config.activate.on-profile");
                if (onProfile == null || activeProfiles.stream().anyMatch(
                        p -> List.of(onProfile.split("\\s*,\\s*")).contains(p))) {
                    flat.putAll(one);
                }
            }
        } catch (YAMLException e) {
            throw new ApplicationConfigException("Cannot read " + resource.location() + ": " + e.getMessage()
                    + ". Fix the YAML (the application could not read it either).");
        }
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), flat);
            }
        } else if (node instanceof List<?> list) {
            // Spring Boot binds a list to both key[0], key[1] ... and a comma-separated key
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
                joined.append(i == 0 ? "" : ",").append(list.get(i));
            }
            flat.put(prefix, joined.toString());
        } else if (node != null && !prefix.isEmpty()) {
            flat.put(prefix, String.valueOf(node).trim());
        }
    }
}
