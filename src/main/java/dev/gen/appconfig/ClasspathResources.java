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

    ClasspathResources(java.util.List<Path> entries) {
        this.entries = java.util.List.copyOf(entries);
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
                } else if (Files.isRegularFile(entry)) {
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

    private static boolean containsEntry(Path jar, String name) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(name) != null;
        } catch (IOException e) {
            return false; // not a jar: the scanner reports unreadable entries
        }
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
