package dev.gen.run;

import dev.gen.api.Migration;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Precompiled migrations found with ClassGraph, either in given directories and jars or through a class loader. */
final class ClasspathSource implements MigrationSource {

    private final List<Path> entries; // empty when scanning a class loader
    private final ClassLoader loader; // null when scanning entries
    private final String[] packages;

    private ClasspathSource(List<Path> entries, ClassLoader loader, String[] packages) {
        this.entries = entries;
        this.loader = loader;
        this.packages = packages;
    }

    static ClasspathSource ofPaths(List<Path> entries) {
        return new ClasspathSource(List.copyOf(entries), null, new String[0]);
    }

    static ClasspathSource ofLoader(ClassLoader loader, String... packages) {
        return new ClasspathSource(List.of(), loader, packages.clone());
    }

    @Override
    public String describe() {
        if (loader == null) {
            return "classpath " + entries.stream().map(Path::toString)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return packages.length == 0 ? "the application's classpath"
                : "package " + String.join(", ", packages) + " on the application's classpath";
    }

    @Override
    public List<LoadedMigration> load() {
        if (loader != null) {
            return scan(new ClassGraph().overrideClassLoaders(loader), loader);
        }
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new MigrationException("The migrations classpath entry " + entry.toAbsolutePath()
                        + " does not exist. Build the migrations first, or fix the path.");
            }
        }
        // Parent is gen's own loader, so that the migrations' Migration is the runner's Migration. The loader stays
        // open as long as its migrations may run: a command creates them only when it executes them.
        URLClassLoader own = new URLClassLoader(urls(), Migration.class.getClassLoader());
        List<String> paths = entries.stream().map(Path::toString).toList();
        return scan(new ClassGraph().overrideClasspath(paths), own);
    }

    private List<LoadedMigration> scan(ClassGraph graph, ClassLoader classes) {
        if (packages.length > 0) {
            graph = graph.acceptPackages(packages);
        }
        List<LoadedMigration> loaded = new ArrayList<>();
        try (ScanResult scan = graph.enableClassInfo().scan()) {
            for (ClassInfo info : scan.getClassesImplementing(Migration.class.getName())) {
                if (info.isAbstract() || info.isInterface() || info.isAnonymousInnerClass()) {
                    continue; // a base class for migrations, not a migration
                }
                String origin = "class " + info.getName() + " in " + location(info);
                Class<?> type;
                try {
                    // Loaded, not initialised: no static initializer of a migration runs while listing them.
                    type = Class.forName(info.getName(), false, classes);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new MigrationException("Migration " + origin + " cannot be loaded: "
                            + Messages.oneLine(e.toString()), e);
                }
                SortedMap<String, byte[]> classFiles = classFiles(info);
                loaded.add(MigrationClasses.load(type, origin, () -> Checksums.ofClassFiles(classFiles)));
            }
        }
        return MigrationClasses.ordered(loaded, describe());
    }

    /** The class file of the migration and of its nested classes, as the scan read them. */
    private static SortedMap<String, byte[]> classFiles(ClassInfo info) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<ClassInfo> classes = new ArrayList<>(List.of(info));
        classes.addAll(info.getInnerClasses());
        for (ClassInfo c : classes) {
            if (c.getResource() == null) {
                continue; // a nested class outside the scanned packages: not part of the migration's files
            }
            try {
                files.put(c.getName(), c.getResource().load());
            } catch (IOException | RuntimeException e) {
                throw new MigrationException("Cannot read the class file of " + c.getName() + " in " + location(c)
                        + " to compute the migration's checksum: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static String location(ClassInfo info) {
        try {
            java.io.File file = info.getClasspathElementFile();
            return file != null ? file.toString() : String.valueOf(info.getClasspathElementURI());
        } catch (RuntimeException e) {
            return "an unknown location";
        }
    }

    private URL[] urls() {
        return entries.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new MigrationException("Not a usable classpath entry: " + p, e);
            }
        }).toArray(URL[]::new);
    }

    @Override
    public String toString() {
        return describe() + (packages.length == 0 ? "" : " " + Arrays.toString(packages));
    }
}
