package dev.gen.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The entity classpath's entries, checked before ClassGraph sees them. ClassGraph skips a jar it cannot open
 * without a word, and an entity that vanishes from the desired schema becomes a planned {@code DROP TABLE}: so
 * every entry must be readable, or nothing is planned. Open jars also answer where a mapped class lives (the same
 * class in two entries: the first wins, which is rarely what the user meant) and which class file version it has.
 */
final class ClasspathEntries implements AutoCloseable {

    /** The first class file major version this JVM cannot load. */
    private static final int UNSUPPORTED_MAJOR = Runtime.version().feature() + 45;

    private final Map<Path, ZipFile> jars = new LinkedHashMap<>();
    private final List<Path> entries;

    private ClasspathEntries(List<Path> entries) {
        this.entries = entries;
    }

    /** Opens every jar and walks every directory; the first that cannot be read is a {@link ScanException}. */
    static ClasspathEntries open(List<Path> classpath) {
        ClasspathEntries opened = new ClasspathEntries(classpath);
        try {
            for (Path entry : classpath) {
                opened.check(entry);
            }
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void check(Path entry) {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> walk = Files.walk(entry)) {
                walk.filter(Files::isDirectory).forEach(directory -> {
                    if (!Files.isReadable(directory) || !Files.isExecutable(directory)) {
                        throw unreadable(entry, "the directory " + directory + " cannot be read");
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw unreadable(entry, e.toString());
            }
            return;
        }
        try {
            ZipFile jar = new ZipFile(entry.toFile());
            jars.put(entry, jar);
        } catch (IOException e) {
            throw unreadable(entry, (Files.isRegularFile(entry) ? "it is not a readable jar (" : "(")
                    + e.getMessage() + ")");
        }
    }

    private static ScanException unreadable(Path entry, String why) {
        return new ScanException("The classpath entry " + entry + " cannot be read: " + why + ". gen stops here"
                + " rather than leave out the entities it may hold, which would plan to drop their tables. Rebuild"
                + " or download the jar again, fix the permissions, or remove the entry from --classpath.");
    }

    /** The entries holding {@code className}, in classpath order. */
    List<Path> holders(String className) {
        String file = className.replace('.', '/') + ".class";
        List<Path> holders = new ArrayList<>();
        for (Path entry : entries) {
            ZipFile jar = jars.get(entry);
            if (jar != null ? jar.getEntry(file) != null : Files.isRegularFile(entry.resolve(file))) {
                holders.add(entry);
            }
        }
        return holders;
    }

    /** The class file major version of {@code className} in {@code entry}, or -1 when it cannot be read. */
    int majorVersion(Path entry, String className) {
        String file = className.replace('.', '/') + ".class";
        ZipFile jar = jars.get(entry);
        try {
            InputStream in;
            if (jar != null) {
                ZipEntry zipEntry = jar.getEntry(file);
                in = zipEntry == null ? null : jar.getInputStream(zipEntry);
            } else {
                in = Files.newInputStream(entry.resolve(file));
            }
            if (in == null) {
                return -1;
            }
            try (InputStream header = in) {
                byte[] bytes = header.readNBytes(8);
                return bytes.length < 8 ? -1 : ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Refuses a class compiled for a newer Java than the running one, and warns of a class in two entries. */
    void checkClasses(List<String> classNames, List<String> warnings) {
        for (String name : classNames) {
            List<Path> holders = holders(name);
            if (holders.isEmpty()) {
                continue;
            }
            int major = majorVersion(holders.get(0), name);
            if (major >= UNSUPPORTED_MAJOR) {
                throw new ScanException("The class " + name + " in " + holders.get(0) + " was compiled for Java "
                        + (major - 44) + " (class file version " + major + "), but gen runs on Java "
                        + Runtime.version().feature() + ", which cannot load it. Run gen with a JDK of version "
                        + (major - 44) + " or newer (JAVA_HOME), or compile the entities with --release "
                        + Runtime.version().feature() + " or lower.");
            }
            if (holders.size() > 1) {
                warnings.add("The class " + name + " is in " + holders.size() + " classpath entries: "
                        + holders.get(0) + " and " + holders.subList(1, holders.size()).stream().map(Path::toString)
                                .reduce((a, b) -> a + ", " + b).orElse("") + "; gen (like the JVM) uses the first."
                        + " Remove the stale copy from --classpath if that is not the one you mean.");
            }
        }
    }

    @Override
    public void close() {
        for (ZipFile jar : jars.values()) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
        jars.clear();
    }
}
