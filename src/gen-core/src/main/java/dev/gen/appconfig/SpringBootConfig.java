package dev.gen.appconfig;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Spring Boot gives its Hibernate, for an entity classpath that holds Spring Boot: its naming strategies
 * (unless {@code spring.jpa.hibernate.naming.*} says otherwise), {@code spring.jpa.properties.*} unchanged, and
 * {@code spring.datasource.url} / {@code username} as the database gen connects to by default. Spring Boot 3.x keeps
 * its implicit naming strategy in {@code spring-boot} ({@code org.springframework.boot.orm.jpa.hibernate}), 4.x in
 * {@code spring-boot-hibernate} ({@code org.springframework.boot.hibernate}); both use Hibernate's
 * {@code CamelCaseToUnderscoresNamingStrategy}.
 */
final class SpringBootConfig {

    static final String SPRING_APPLICATION = "org/springframework/boot/SpringApplication.class";
    static final String PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    static final String IMPLICIT_4 = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    static final String IMPLICIT_3 = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";

    private SpringBootConfig() {
    }

    static boolean present(ClasspathResources classpath) {
        return classpath.contains(SPRING_APPLICATION);
    }

    static void apply(ClasspathResources classpath, ApplicationFiles files, Map<String, String> env,
            SettingsCollector into) {
        String implicit = classpath.contains(IMPLICIT_4.replace('.', '/') + ".class") ? IMPLICIT_4
                : classpath.contains(IMPLICIT_3.replace('.', '/') + ".class") ? IMPLICIT_3 : null;
        String physical = value(files, env, into, "spring.jpa.hibernate.naming.physical-strategy").orElse(null);
        into.hibernate("hibernate.physical_naming_strategy", physical != null ? physical : PHYSICAL,
                physical != null ? source(files, env, "spring.jpa.hibernate.naming.physical-strategy")
                        : "Spring Boot default");
        String configuredImplicit = value(files, env, into, "spring.jpa.hibernate.naming.implicit-strategy").orElse(null);
        if (configuredImplicit != null) {
            into.hibernate("hibernate.implicit_naming_strategy", configuredImplicit,
                    source(files, env, "spring.jpa.hibernate.naming.implicit-strategy"));
        } else if (implicit != null) {
            into.hibernate("hibernate.implicit_naming_strategy", implicit, "Spring Boot default");
        } else {
            into.warn("The entity classpath holds Spring Boot but not its SpringImplicitNamingStrategy (" + IMPLICIT_4
                    + " in spring-boot-hibernate, or " + IMPLICIT_3 + " in spring-boot 3), so join tables and foreign-key"
                    + " columns get Hibernate's default names. Put the application's whole runtime classpath on"
                    + " --classpath.");
        }
        String prefix = "spring.jpa.properties.";
        for (Map.Entry<String, String> entry : files.values().entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(prefix)) {
                String hibernateKey = key.substring(prefix.length());
                if (hibernateKey.startsWith("hibernate.") || hibernateKey.startsWith("jakarta.persistence.")) {
                    Placeholders.resolve(entry.getValue(), files.values(), env).ifPresentOrElse(
                            value -> into.hibernate(hibernateKey, value, source(files, key)),
                            () -> unresolved(files, key, into));
                }
            }
        }
        value(files, env, into, "spring.jpa.hibernate.ddl-auto").ifPresent(ddl -> {
            String mode = ddl.trim().toLowerCase(Locale.ROOT);
            if (mode.equals("update") || mode.startsWith("create")) {
                into.warn("spring.jpa.hibernate.ddl-auto=" + ddl + " in " + source(files, env, "spring.jpa.hibernate.ddl-auto")
                        + ": Hibernate changes this schema whenever the application starts, and gen's migrations change"
                        + " it too; two tools managing one schema drift apart. Set it to validate (or none) where gen"
                        + " manages the schema.");
            }
        });
        value(files, env, into, "spring.datasource.url").ifPresent(url -> into.url(url,
                source(files, env, "spring.datasource.url")));
        value(files, env, into, "spring.datasource.username").ifPresent(user -> into.user(user,
                source(files, env, "spring.datasource.username")));
    }

    /**
     * A key as Spring Boot binds it: its environment variable ({@code SPRING_DATASOURCE_URL}) first, as Spring Boot
     * ranks the environment over its files, then the files in their relaxed forms ({@code ddl-auto}, {@code ddlAuto},
     * {@code ddl_auto}), placeholders resolved.
     */
    private static Optional<String> value(ApplicationFiles files, Map<String, String> env, SettingsCollector into,
            String canonical) {
        String variable = variable(canonical);
        if (env.get(variable) != null && !env.get(variable).isBlank()) {
            return Optional.of(env.get(variable));
        }
        String key = relaxedKey(files, canonical);
        if (key == null) {
            return Optional.empty();
        }
        Optional<String> resolved = Placeholders.resolve(files.values().get(key), files.values(), env);
        if (resolved.isEmpty()) {
            unresolved(files, key, into);
        }
        return resolved.filter(value -> !value.isBlank());
    }

    private static String variable(String canonical) {
        return canonical.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    private static String relaxedKey(ApplicationFiles files, String canonical) {
        String wanted = uniform(canonical);
        String found = null;
        for (String key : files.values().keySet()) {
            if (uniform(key).equals(wanted)) {
                found = key;
            }
        }
        return found;
    }

    private static String uniform(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String source(ApplicationFiles files, Map<String, String> env, String canonical) {
        if (env.get(variable(canonical)) != null && !env.get(variable(canonical)).isBlank()) {
            return "environment (" + variable(canonical) + ")";
        }
        String key = relaxedKey(files, canonical);
        return files.source(key) + " (" + key + ")";
    }

    private static String source(ApplicationFiles files, String key) {
        return files.source(key) + " (" + key + ")";
    }

    private static void unresolved(ApplicationFiles files, String key, SettingsCollector into) {
        into.warn(key + " in " + files.source(key) + " uses a placeholder that has no value here and no default ("
                + files.values().get(key) + "); gen leaves that setting out. Set the variable, or give the setting to"
                + " gen directly.");
    }
}
