package dev.gen.scan;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the classes Hibernate needs to see on a user's classpath. Only the given entries are scanned, never
 * gen's own classpath, so that gen's dependencies cannot contribute entities.
 */
public final class EntityScanner {

    private static final List<String> MAPPING_ANNOTATIONS = List.of(
            "jakarta.persistence.Entity",
            "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Embeddable",
            "jakarta.persistence.Converter");

    private EntityScanner() {
    }

    /** Packages of the persistence provider and API, whose mapped classes no application declares. */
    static final String[] NOT_THE_APPLICATIONS = {"org.hibernate", "jakarta"};

    /**
     * The service providers ({@code META-INF/services}) from the user's classpath that {@code loader}, an
     * {@link EntitySet#loader()}, has handed out so far; empty for any other loader.
     */
    public static Set<String> serviceProviders(ClassLoader loader) {
        return loader instanceof EntityClassLoader entities ? entities.keptProviders() : Set.of();
    }

    /**
     * The version of the application's own Hibernate that {@code loader}, an {@link EntitySet#loader()}, loads
     * first, isolated from gen's; empty when gen's own Hibernate maps the entities.
     */
    public static java.util.Optional<String> isolatedHibernate(ClassLoader loader) {
        return loader instanceof EntityClassLoader entities ? java.util.Optional.ofNullable(entities.isolatedHibernate())
                : java.util.Optional.empty();
    }

    /**
     * Like {@link #scan(List, List, Set)}, but when the classpath carries a {@code hibernate-core} other than gen's
     * the loader isolates it: the entities are then mapped by the application's own Hibernate, the one whose DDL
     * its database holds ({@link ApplicationHibernate}; a version before 6.6 is refused).
     */
    public static EntitySet scanForApplicationsHibernate(List<Path> classpath, List<String> packages,
            Set<String> excludedServices) {
        return scan(classpath, packages, excludedServices, true);
    }

    /**
     * @param classpath directories and jars with the compiled entity classes
     * @param packages package prefixes to keep, or empty for all
     */
    public static EntitySet scan(List<Path> classpath, List<String> packages) {
        return scan(classpath, packages, Set.of());
    }

    /** @param excludedServices service providers from the user's jars that Hibernate must not load */
    public static EntitySet scan(List<Path> classpath, List<String> packages, Set<String> excludedServices) {
        return scan(classpath, packages, excludedServices, false);
    }

    private static EntitySet scan(List<Path> classpath, List<String> packages, Set<String> excludedServices,
            boolean applicationsHibernate) {
        if (classpath.isEmpty()) {
            throw new ScanException("No entity classpath is configured. Pass --classpath with the directories or"
                    + " jars that hold your compiled @Entity classes (for example target/classes), or set classpath"
                    + " in gen.properties or GEN_CLASSPATH.");
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new ScanException("The classpath entry " + entry + " does not exist. Compile your entities"
                        + " first (for example mvn compile) or correct --classpath.");
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ScanException("The classpath entry " + entry + " is not a valid path.", e);
            }
        }
        List<String> warnings = new ArrayList<>();
        String isolated = applicationsHibernate ? ApplicationHibernate.otherThanGens(classpath).orElse(null) : null;
        try (ClasspathEntries checked = ClasspathEntries.open(classpath)) {
            EntitySet found = scan(classpath, packages, excludedServices, urls, warnings, isolated);
            checked.checkClasses(found.classNames(), warnings);
            return found;
        }
    }

    private static EntitySet scan(List<Path> classpath, List<String> packages, Set<String> excludedServices,
            List<URL> urls, List<String> warnings, String isolatedHibernate) {
        ClassLoader loader = new EntityClassLoader(urls.toArray(URL[]::new), EntityScanner.class.getClassLoader(),
                excludedServices, warnings, isolatedHibernate);
        ClassGraph graph = new ClassGraph()
                .overrideClasspath(classpath.stream().map(Path::toString).toList())
                .enableClassInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                // Hibernate's and Jakarta's own jars hold @Entity classes (Envers' revinfo, for one) that are not the
                // application's: they stay loadable, but are never scanned, so a whole dependency folder may be given.
                .rejectPackages(NOT_THE_APPLICATIONS);
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        TreeSet<String> names = new TreeSet<>();
        boolean sawJavaxEntities;
        int entities;
        try (ScanResult result = graph.scan()) {
            for (String annotation : MAPPING_ANNOTATIONS) {
                for (ClassInfo info : result.getClassesWithAnnotation(annotation)) {
                    names.add(info.getName());
                }
            }
            entities = result.getClassesWithAnnotation("jakarta.persistence.Entity").size();
            sawJavaxEntities = !result.getClassesWithAnnotation("javax.persistence.Entity").isEmpty();
        } catch (RuntimeException e) {
            throw new ScanException("Scanning the classpath " + classpath + " failed: " + e.getMessage(), e);
        }
        if (entities == 0) {
            String hint = sawJavaxEntities
                    ? " It has javax.persistence entities: Hibernate 7 reads only jakarta.persistence annotations, so"
                            + " migrate the imports to jakarta.persistence."
                    : " Check that --classpath points at the compiled classes (not the sources) and that --packages,"
                            + " if given, names their packages.";
            throw new ScanException("No @Entity class was found on the classpath "
                    + classpath + (packages.isEmpty() ? "" : " in packages " + packages) + "." + hint);
        }
        return new EntitySet(List.copyOf(names), classpath, loader, warnings);
    }
}
