package dev.gen.appconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gen maps the entities with its own Hibernate; an application on another version may get other DDL from its own.
 * The version is read from the {@code hibernate-core-<version>.jar} on the entity classpath (Maven's and Gradle's
 * layouts name jars so), and a different one is named in a warning with the differences known so far.
 */
final class HibernateVersionCheck {

    static final String GEN_VERSION = org.hibernate.Version.getVersionString();
    private static final Pattern CORE_JAR = Pattern.compile("hibernate-core-(\\d+)\\.(\\d+)\\.[^/\\\\]*\\.jar");

    private HibernateVersionCheck() {
    }

    static Optional<String> warning(List<Path> classpath) {
        for (Path entry : classpath) {
            Matcher jar = CORE_JAR.matcher(entry.getFileName() == null ? "" : entry.getFileName().toString());
            if (!jar.matches()) {
                continue;
            }
            String version = entry.getFileName().toString().substring("hibernate-core-".length())
                    .replaceFirst("\\.jar$", "");
            if (version.equals(GEN_VERSION)) {
                return Optional.empty();
            }
            int major = Integer.parseInt(jar.group(1));
            int minor = Integer.parseInt(jar.group(2));
            String known = major < 7 || major == 7 && minor < 3
                    ? " Known: Hibernate " + GEN_VERSION + " gives a Set element collection whose element column is"
                            + " nullable a unique key over (owner, element), which " + version + " does not create."
                    : "";
            String older = major < 6 || major == 6 && minor < 6
                    ? " gen is tested with applications on Hibernate 6.6 and later only." : "";
            return Optional.of("The entity classpath carries hibernate-core " + version + "; gen builds the desired"
                    + " schema with its own Hibernate " + GEN_VERSION + ", whose DDL can differ." + known + older
                    + " Review the plan for changes the application's own Hibernate would not make.");
        }
        return Optional.empty();
    }
}
