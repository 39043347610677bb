package dev.gen.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/**
 * What gen takes from the Maven project when nothing else is configured: the entity classpath (the build output
 * and every compile and runtime dependency), and the application's migrations in {@code src/main/java/<package>},
 * where they compile with the application and ship in its jar; the runner then loads them from the build output,
 * together with the migrations of every package a dependency declares in {@code META-INF/gen/locations}.
 */
final class ProjectDefaults {

    private final MavenProject project;
    private final Path base;

    ProjectDefaults(MavenProject project, Path base) {
        this.project = project;
        this.base = base;
    }

    /** For the first resolution, which only learns the migrations package. */
    Map<String, String> before(String defaultPackage) {
        return Map.of("migrations-package", defaultPackage, "dir", unconfigured().toString());
    }

    /** Stands for "no directory configured" in the first resolution; never created. */
    private Path unconfigured() {
        return base.resolve(".gen-maven-no-dir");
    }

    /**
     * @param migrationsPackage the package the configuration settled on
     * @param resolvedDir the directory it settled on in the first resolution
     */
    Map<String, String> after(String migrationsPackage, Path resolvedDir) {
        String packageName = migrationsPackage == null ? GenMojo.DEFAULT_MIGRATIONS_PACKAGE : migrationsPackage;
        Path sourceRoot = Path.of(project.getBuild().getSourceDirectory());
        Path projectDir = sourceRoot.resolve(packageName.replace('.', File.separatorChar));
        boolean dirConfigured = !resolvedDir.equals(unconfigured());
        String classpath = String.join(File.pathSeparator, classpath());
        if (dirConfigured) {
            // Sources elsewhere (as with ./gen): the runner compiles them itself.
            return Map.of("migrations-package", packageName, "classpath", classpath);
        }
        // the application's package, then those its dependencies declare in META-INF/gen/locations (as the
        // Spring Boot starter runs them)
        Set<String> locations = new LinkedHashSet<>(List.of(dev.gen.core.Migrations.CLASSPATH_PREFIX + packageName));
        locations.addAll(dev.gen.core.DeclaredLocations.on(classpath().stream().map(Path::of).toList()));
        return Map.of("migrations-package", packageName, "classpath", classpath,
                "dir", projectDir.toString(),
                "locations", String.join(",", locations),
                "migrations-classpath", classpath);
    }

    /** Build output first, then compile and runtime dependencies, each once. */
    private List<String> classpath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.addAll(project.getCompileClasspathElements());
            entries.addAll(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new IllegalStateException("the goal declares the dependency resolution it needs", e);
        }
        List<String> existing = new ArrayList<>();
        for (String entry : entries) {
            if (new File(entry).exists()) {
                existing.add(entry);
            }
        }
        return existing;
    }
}
