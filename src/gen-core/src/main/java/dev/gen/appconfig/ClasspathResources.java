package dev.gen.appconfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads resources of the entity classpath (directories and jars) without loading any class: what a class loader over
 * that classpath would find first, as the application's own class loader finds {@code application.properties}.
 */
final class ClasspathResources {

    private final java.util.List<Path> entries;
    /** Each jar's entry names, read once: an application's classpath has a hundred jars, asked a dozen times. */
    private final java.util.Map<Path, java.util.Set<String>> jarEntries = new java.util.HashMap<>();

    ClasspathResources(java.util.List<Path> entries) {
        this.entries = java.util.List.copyOf(entries);
    }

    private boolean containsEntry(Path jar, String name) {
        return jarEntries.computeIfAbsent(jar, ClasspathResources::entryNames).contains(name);
    }

    private static java.util.Set<String> entryNames(Path jar) {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
        } catch (IOException e) {
            // not a jar: the scanner reports unreadable entries
        }
        return names;
    }

    /** The first entry's copy of {@code name}, with where it came from. */
    Optional<Resource> find(String name) {
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    Path file = entry.resolve(name);
                    if (Files.isRegularFile(file)) {
                        return Optional.of(new Resource(file.toString(), Files.readString(file)));
                    }
                } else if (Files.isRegularFile(entry) && containsEntry(entry, name)) {
                    try (ZipFile jar = new ZipFile(entry.toFile())) {
                        ZipEntry found = jar.getEntry(name);
                        if (found != null) {
                            try (InputStream in = jar.getInputStream(found)) {
                                return Optional.of(new Resource(entry + "!/" + name,
                                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new ApplicationConfigException("Cannot read " + name + " from the entity classpath entry " + entry
                        + ": " + e.getMessage() + ". Check that --classpath names readable directories and jars.");
            }
        }
        return Optional.empty();
    }

    /** Every entry's copy of {@code name}, as {@code ClassLoader.getResources} lists them. */
    java.util.List<java.net.URL> urls(String name) {
        java.util.List<java.net.URL> urls = new java.util.ArrayList<>();
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(name))) {
                    urls.add(entry.resolve(name).toUri().toURL());
                } else if (Files.isRegularFile(entry) && containsEntry(entry, name)) {
                    urls.add(new java.net.URL("jar:" + entry.toUri() + "!/" + name));
                }
            } catch (IOException e) {
                throw new ApplicationConfigException("Cannot read " + name + " from the entity classpath entry " + entry
                        + ": " + e.getMessage() + ". Check that --classpath names readable directories and jars.");
            }
        }
        return urls;
    }

    boolean contains(String name) {
        for (Path entry : entries) {
            if (Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(name))
                    : Files.isRegularFile(entry) && containsEntry(entry, name)) {
                return true;
            }
        }
        return false;
    }

    /** @param location where it was read, for messages and {@code --verbose} */
    record Resource(String location, String text) {
    }
}
