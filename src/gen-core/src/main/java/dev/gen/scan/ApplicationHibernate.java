package dev.gen.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hibernate ORM an application runs, read from the {@code hibernate-core} jar on its classpath: from the jar's
 * name as Maven and Gradle lay it out ({@code hibernate-core-6.6.33.Final.jar}), else from the manifest of a jar
 * named {@code hibernate-core*.jar} (a renamed or versionless copy). Versions before 6.6 are refused: gen's Hibernate
 * side is written against the 6.6/7.x boot model, and an older one would not boot, or boot to other DDL unnoticed.
 */
public final class ApplicationHibernate {

    /** gen's own Hibernate ORM, which maps the entities when the classpath carries no other. */
    public static final String GENS_VERSION = org.hibernate.Version.getVersionString();

    private static final Pattern CORE_JAR = Pattern.compile("hibernate-core-(\\d+\\.\\d+\\.[^/\\\\]*)\\.jar");
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)(\\..*)?");

    private ApplicationHibernate() {
    }

    /** The version of the application's {@code hibernate-core} that differs from gen's, or empty for gen's own. */
    public static Optional<String> otherThanGens(List<Path> classpath) {
        return version(classpath).filter(version -> !version.equals(GENS_VERSION)).map(ApplicationHibernate::checked);
    }

    /** The version of the first {@code hibernate-core} jar on the classpath, if any. */
    static Optional<String> version(List<Path> classpath) {
        for (Path entry : classpath) {
            String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
            Matcher jar = CORE_JAR.matcher(name);
            if (jar.matches()) {
                return Optional.of(jar.group(1));
            }
            if (name.startsWith("hibernate-core") && name.endsWith(".jar") && Files.isRegularFile(entry)) {
                Optional<String> declared = manifestVersion(entry);
                if (declared.isPresent()) {
                    return declared;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> manifestVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
            return Optional.ofNullable(version).filter(v -> MAJOR_MINOR.matcher(v).matches());
        } catch (IOException e) {
            return Optional.empty(); // ClasspathEntries names an unreadable jar with its own message
        }
    }

    /** The version, when gen can map with it (6.6 and later); a {@link ScanException} naming the fix otherwise. */
    static String checked(String version) {
        Matcher parts = MAJOR_MINOR.matcher(version);
        if (!parts.matches()) {
            throw new ScanException("The entity classpath carries hibernate-core " + version + ", a version gen cannot"
                    + " read. Put the application's hibernate-core jar (hibernate-core-<version>.jar) on --classpath"
                    + " as its build resolves it (for a Maven project: mvn dependency:build-classpath).");
        }
        int major = Integer.parseInt(parts.group(1));
        int minor = Integer.parseInt(parts.group(2));
        if (major < 6 || major == 6 && minor < 6) {
            throw new ScanException("The entity classpath carries hibernate-core " + version + ", but gen builds the"
                    + " desired schema with the application's own Hibernate only from 6.6 on (Spring Boot 3.5 and"
                    + " later), because older versions boot their metadata differently and would give another"
                    + " schema than the application's without notice. Upgrade the application to Hibernate ORM 6.6"
                    + " or later (Spring Boot 3.5+, Quarkus 3.15+), or, to map with gen's own Hibernate "
                    + GENS_VERSION + " instead, leave hibernate-core out of --classpath.");
        }
        return version;
    }
}
