package dev.gen.run;

import dev.gen.api.Migration;
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

/**
 * Precompiled migrations, found by {@link ClassFiles} either in given directories and jars or in a class loader's
 * packages. A class is loaded without being initialised, so finding migrations runs none of their code.
 */
final class ClasspathSource implements MigrationSource {

    private final List<Path> entries; // empty when scanning a class loader
    private final ClassLoader loader; // null when scanning entries
    private final String[] packages;

    private ClasspathSource(List<Path> entries, ClassLoader loader, String[] packages) {
        this.entries = entries;
        this.loader = loader;
        this.packages = packages;
    }

    static ClasspathSource ofPaths(List<Path> entries, String... packages) {
        return new ClasspathSource(List.copyOf(entries), null, packages.clone());
    }

    static ClasspathSource ofLoader(ClassLoader loader, String... packages) {
        return new ClasspathSource(List.of(), loader, packages.clone());
    }

    @Override
    public String location() {
        return packages.length == 0 ? "classpath" : "classpath:" + String.join(",", packages);
    }

    @Override
    public String describe() {
        if (loader == null) {
            return (packages.length == 0 ? "" : "package " + String.join(", ", packages) + " in ") + "classpath "
                    + entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return packages.length == 0 ? "the application's classpath"
                : "package " + String.join(", ", packages) + " on the application's classpath";
    }

    @Override
    public List<LoadedMigration> load() {
        if (loader != null) {
            return scan(ClassFiles.inPackages(loader, List.of(packages)), loader);
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
        return scan(ClassFiles.inEntries(entries).stream().filter(this::inPackages).toList(), own);
    }

    private List<LoadedMigration> scan(List<ClassFiles.Found> candidates, ClassLoader classes) {
        List<LoadedMigration> loaded = new ArrayList<>();
        for (ClassFiles.Found candidate : candidates) {
            String origin = "class " + candidate.className() + " in " + candidate.location();
            Class<?> type;
            try {
                type = Class.forName(candidate.className(), false, classes);
            } catch (ClassNotFoundException notVisible) {
                continue; // listed on java.class.path but not visible to this loader: not its migration
            } catch (LinkageError e) {
                if (MigrationId.parse(simpleName(candidate.className())).isEmpty()) {
                    continue; // an application class that does not link here, and no migration: not ours to judge
                }
                throw new MigrationException("Migration " + origin + " cannot be loaded: "
                        + Messages.oneLine(e.toString()), e);
            }
            if (!Migration.class.isAssignableFrom(type) || type.isInterface()
                    || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                continue; // not a migration, or a base class for migrations
            }
            SortedMap<String, byte[]> classFiles = classFiles(candidate, classes);
            loaded.add(MigrationClasses.load(type, origin, () -> Checksums.ofClassFiles(classFiles)));
        }
        return MigrationClasses.ordered(loaded, describe());
    }

    private boolean inPackages(ClassFiles.Found candidate) {
        if (packages.length == 0) {
            return true;
        }
        for (String name : packages) {
            if (candidate.className().startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The class file of the migration and of its nested classes, read through the loader that defines them. */
    private static SortedMap<String, byte[]> classFiles(ClassFiles.Found candidate, ClassLoader classes) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<String> names = new ArrayList<>(List.of(candidate.className()));
        names.addAll(candidate.nested());
        for (String name : names) {
            String resource = name.replace('.', '/') + ".class";
            try (java.io.InputStream in = classes.getResourceAsStream(resource)) {
                if (in != null) {
                    files.put(name, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new MigrationException("Cannot read the class file of " + name + " in " + candidate.location()
                        + " to compute the migration's checksum: " + e.getMessage(), e);
            }
        }
        return files;
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
