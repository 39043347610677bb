package dev.gen.appconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the application's own configuration from its entity classpath: {@code META-INF/persistence.xml} first, then
 * Spring Boot's (when Spring Boot is on the classpath) or Quarkus's (when the files hold {@code quarkus.*} keys)
 * {@code application.properties} / {@code application.yml}, which win over the persistence unit for the keys both
 * set. Nothing here connects anywhere or loads a class.
 */
public final class ApplicationConfigReader {

    private ApplicationConfigReader() {
    }

    /**
     * @param profile the Spring profile ({@code application-<profile>.*}; also Quarkus's {@code %<profile>.}), or null
     * @param persistenceUnit the unit of persistence.xml to use, or null for the only one
     * @param env the process environment, for placeholders and Spring Boot's {@code SPRING_*} variables
     */
    public static ApplicationSettings read(List<Path> classpath, String profile, String persistenceUnit,
            Map<String, String> env) {
        ClasspathResources resources = new ClasspathResources(classpath);
        SettingsCollector settings = new SettingsCollector();
        PersistenceXmlUnit.apply(resources, persistenceUnit, settings);
        ApplicationFiles files = ApplicationFiles.read(resources, profile);
        if (SpringBootConfig.present(resources)) {
            SpringBootConfig.apply(resources, files, env, settings);
        }
        if (QuarkusConfig.present(files)) {
            QuarkusConfig.apply(files, profile, env, settings);
        }
        return settings.build();
    }
}
