package dev.gen.appconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Quarkus gives the Hibernate of its default persistence unit, from {@code application.properties}:
 * {@code quarkus.hibernate-orm.physical-naming-strategy}, {@code implicit-naming-strategy},
 * {@code database.default-schema}, {@code packages}, {@code unsupported-properties."hibernate.*"}, and
 * {@code quarkus.datasource.jdbc.url} / {@code username} as connection defaults. A {@code %prod.} key (Quarkus's
 * runtime profile), or {@code %<profile>.} with {@code --spring-profile <profile>}, wins over the plain key.
 */
final class QuarkusConfig {

    private static final String ORM = "quarkus.hibernate-orm.";

    private QuarkusConfig() {
    }

    private static boolean isRead(String key, java.util.Set<String> hibernateKeys, String unsupported) {
        return hibernateKeys.contains(key) || key.startsWith(unsupported) || key.equals(ORM + "packages")
                || key.equals("quarkus.datasource.jdbc.url") || key.equals("quarkus.datasource.username")
                || key.equals(ORM + "database.generation") || key.equals(ORM + "schema-management.strategy");
    }

    static boolean present(ApplicationFiles files) {
        return files.values().keySet().stream().anyMatch(key -> key.startsWith("quarkus.")
                || key.startsWith("%") && key.contains(".quarkus."));
    }

    static void apply(ApplicationFiles files, String profile, Map<String, String> env, SettingsCollector into) {
        String active = profile == null ? "prod" : profile;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : files.values().entrySet()) {
            if (!entry.getKey().startsWith("%")) {
                values.put(entry.getKey(), entry.getValue());
                sources.put(entry.getKey(), files.source(entry.getKey()) + " (" + entry.getKey() + ")");
            }
        }
        String prefix = "%" + active + ".";
        for (Map.Entry<String, String> entry : files.values().entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                String key = entry.getKey().substring(prefix.length());
                values.put(key, entry.getValue());
                sources.put(key, files.source(entry.getKey()) + " (" + entry.getKey() + ")");
            }
        }
        Map<String, String> hibernate = Map.of(
                ORM + "physical-naming-strategy", "hibernate.physical_naming_strategy",
                ORM + "implicit-naming-strategy", "hibernate.implicit_naming_strategy",
                ORM + "database.default-schema", "hibernate.default_schema");
        String unsupported = ORM + "unsupported-properties.";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (!isRead(key, hibernate.keySet(), unsupported)) {
                continue;
            }
            String value = Placeholders.resolve(entry.getValue(), values, env).orElse(null);
            if (value == null) {
                into.warn(key + " in " + sources.get(key) + " uses a placeholder that has no value here and no default;"
                        + " gen leaves that setting out. Set the variable, or give the setting to gen directly.");
                continue;
            }
            if (hibernate.containsKey(key)) {
                into.hibernate(hibernate.get(key), value, sources.get(key));
            } else if (key.startsWith(unsupported)) {
                String hibernateKey = key.substring(unsupported.length()).replace("\"", "");
                if (hibernateKey.startsWith("hibernate.") || hibernateKey.startsWith("jakarta.persistence.")) {
                    into.hibernate(hibernateKey, value, sources.get(key));
                }
            } else if (key.equals(ORM + "packages")) {
                into.packages(List.of(value.split("\\s*,\\s*")), sources.get(key));
            } else if (key.equals("quarkus.datasource.jdbc.url")) {
                into.url(value, sources.get(key));
            } else if (key.equals("quarkus.datasource.username")) {
                into.user(value, sources.get(key));
            } else if (key.equals(ORM + "database.generation") || key.equals(ORM + "schema-management.strategy")) {
                String mode = value.toLowerCase(Locale.ROOT);
                if (mode.equals("update") || mode.contains("create")) {
                    into.warn(key + "=" + value + " in " + sources.get(key) + ": Hibernate changes this schema whenever"
                            + " the application starts, and gen's migrations change it too; two tools managing one"
                            + " schema drift apart. Set it to validate (or none) where gen manages the schema.");
                }
            }
        }
    }
}
