package dev.gen.appconfig;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the application's own configuration says about its schema and database, read from the entity classpath:
 * Spring Boot's {@code application.properties}/{@code application.yml} and defaults, Quarkus's
 * {@code application.properties}, and {@code META-INF/persistence.xml}. gen's own settings win over all of it.
 *
 * @param hibernateProperties {@code hibernate.*} and {@code jakarta.persistence.*} settings the application's
 *     Hibernate gets
 * @param url the application's JDBC URL, or null
 * @param user the application's database user, or null
 * @param packages packages the application's persistence unit scans, or empty for gen's default (all)
 * @param managedClasses when not empty, exactly the classes of the persistence unit (persistence.xml with
 *     {@code exclude-unlisted-classes}); gen maps only those
 * @param origins where each of the above came from
 * @param warnings what the user should know (two tools managing one schema, a placeholder gen cannot resolve)
 */
public record ApplicationSettings(Map<String, String> hibernateProperties, String url, String user,
        List<String> packages, List<String> managedClasses, List<SettingOrigin> origins, List<String> warnings) {

    public ApplicationSettings {
        hibernateProperties = Map.copyOf(new TreeMap<>(hibernateProperties));
        packages = List.copyOf(packages);
        managedClasses = List.copyOf(managedClasses);
        origins = List.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    public static ApplicationSettings none() {
        return new ApplicationSettings(Map.of(), null, null, List.of(), List.of(), List.of(), List.of());
    }
}
