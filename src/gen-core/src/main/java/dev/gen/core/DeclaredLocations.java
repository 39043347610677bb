package dev.gen.core;

import dev.gen.run.Migrator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration packages that library jars (or class directories) on a classpath declare in
 * {@value Migrator#DECLARED_LOCATIONS}, as {@code classpath:<package>} locations: what the Spring Boot starter runs
 * by default, so that the command line and the Maven plugin run the same migrations with nothing configured.
 */
public final class DeclaredLocations {

    private DeclaredLocations() {
    }

    /** In classpath order, each once; only the given entries are read, never gen's own classpath. */
    public static List<String> on(List<Path> classpath) {
        if (classpath.isEmpty()) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a classpath entry: " + entry, e);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            return Migrator.declaredLocations(loader).stream().map(p -> Migrations.CLASSPATH_PREFIX + p).toList();
        } catch (IOException e) {
            return List.of(); // closing a loader that read a few resources; nothing to report
        }
    }
}
