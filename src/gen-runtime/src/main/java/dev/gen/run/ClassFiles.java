package dev.gen.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the names of top-level classes in directories, jars and a class loader's packages, with the JDK alone: the
 * runtime cannot bring a classpath scanner. Nothing is loaded here; a class's name and where it lies is all it reads.
 * A class loader is asked for each package's resources, so any loader whose URLs are files or {@code jar:} URLs
 * works (plain classpaths, Spring Boot's nested jars, application servers that hand out {@code jar:} URLs).
 */
final class ClassFiles {

    /**
     * A top-level class, where it was found (for messages), and the names of its nested and anonymous classes found
     * beside it ({@code Outer$Inner}), whose class files belong to it.
     */
    record Found(String className, String location, List<String> nested) {
        Found {
            nested = List.copyOf(nested);
        }
    }

    /** Collects top-level classes and the nested class files beside them, in a stable order. */
    private static final class Collector {
        private final Map<String, String> locations = new LinkedHashMap<>();
        private final Map<String, java.util.TreeSet<String>> nested = new LinkedHashMap<>();

        void add(String path, String location) {
            String name = className(path);
            int dollar = name.indexOf('$');
            if (dollar >= 0) {
                nested.computeIfAbsent(name.substring(0, dollar), n -> new java.util.TreeSet<>()).add(name);
            } else {
                locations.putIfAbsent(name, location);
            }
        }

        List<Found> found() {
            List<Found> result = new ArrayList<>();
            locations.forEach((name, location) -> result.add(new Found(name, location,
                    List.copyOf(nested.getOrDefault(name, new java.util.TreeSet<>())))));
            return result;
        }
    }

    private ClassFiles() {
    }

    /** Every top-level class in these directories and jars. */
    static List<Found> inEntries(List<Path> entries) {
        Collector found = new Collector();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                inDirectory(entry, entry, found);
            } else {
                inJar(entry.toFile(), "", found);
            }
        }
        return found.found();
    }

    /**
     * The top-level classes the loader sees in these packages and their sub-packages; with no package, those of
     * every directory and jar on its {@code URLClassLoader} chain, or on {@code java.class.path}.
     */
    static List<Found> inPackages(ClassLoader loader, List<String> packages) {
        if (packages.isEmpty()) {
            Map<String, Found> found = new LinkedHashMap<>();
            // The whole classpath: only classes named like migrations, so that the application's other classes are
            // never loaded for this.
            for (Path entry : classpathOf(loader)) {
                for (Found f : inEntries(List.of(entry))) {
                    String simple = f.className().substring(f.className().lastIndexOf('.') + 1);
                    if (MigrationId.parse(simple).isPresent()) {
                        found.putIfAbsent(f.className(), f);
                    }
                }
            }
            return List.copyOf(found.values());
        }
        Collector found = new Collector();
        List<Path> classpath = classpathOf(loader);
        for (String pkg : packages) {
            String path = pkg.replace('.', '/');
            for (URL url : resources(loader, path)) {
                inUrl(url, path, found);
            }
            // A jar written without directory entries has no resource for the package itself: list the entries of
            // the loader's classpath too.
            for (Path entry : classpath) {
                if (Files.isDirectory(entry)) {
                    Path directory = entry.resolve(path);
                    if (Files.isDirectory(directory)) {
                        inDirectory(entry, directory, found);
                    }
                } else {
                    inJar(entry.toFile(), path + "/", found);
                }
            }
        }
        return found.found();
    }

    private static List<URL> resources(ClassLoader loader, String path) {
        try {
            Enumeration<URL> urls = loader.getResources(path);
            return Collections.list(urls);
        } catch (IOException e) {
            throw new MigrationException("Cannot list the package " + path.replace('/', '.') + " on the classpath: "
                    + e.getMessage(), e);
        }
    }

    private static void inUrl(URL url, String packagePath, Collector found) {
        if ("file".equals(url.getProtocol())) {
            try {
                Path directory = Path.of(url.toURI());
                Path root = directory;
                for (int i = 0; i < packagePath.split("/").length; i++) {
                    root = root.getParent();
                }
                inDirectory(root, directory, found);
            } catch (URISyntaxException e) {
                throw new MigrationException("Not a usable classpath location: " + url, e);
            }
            return;
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    inJarFile(file, packagePath + "/", url.toString(), found);
                }
                return;
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the classpath location " + url + ": " + e.getMessage(), e);
        }
        throw new MigrationException("The classpath location " + url + " is neither a directory nor a jar, so gen"
                + " cannot list the migrations in it. Put the migrations in a directory or a jar.");
    }

    private static void inDirectory(Path root, Path start, Collector found) {
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(p -> Files.isRegularFile(p) && classFile(p.getFileName().toString()))
                    .sorted()
                    .forEach(p -> found.add(root.relativize(p).toString().replace(File.separatorChar, '/'),
                            root.toString()));
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException("Cannot read the classpath directory " + start + ": " + e.getMessage(), e);
        }
    }

    private static void inJar(File jar, String prefix, Collector found) {
        try (JarFile file = new JarFile(jar)) {
            inJarFile(file, prefix, jar.toString(), found);
        } catch (IOException e) {
            throw new MigrationException("The migrations classpath entry " + jar + " is not a readable jar ("
                    + e.getMessage() + "). Rebuild it, or fix the path.", e);
        }
    }

    private static void inJarFile(JarFile file, String prefix, String location, Collector found) {
        List<String> names = new ArrayList<>();
        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            int slash = name.lastIndexOf('/');
            if (name.startsWith(prefix) && classFile(name.substring(slash + 1)) && !name.startsWith("META-INF/")) {
                names.add(name);
            }
        }
        Collections.sort(names);
        names.forEach(n -> found.add(n, location));
    }

    private static boolean classFile(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("module-info.class")
                && !fileName.equals("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static List<Path> classpathOf(ClassLoader loader) {
        List<Path> entries = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()));
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a file location: nothing to list
                        }
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        return entries.stream().distinct().filter(Files::exists).toList();
    }
}
