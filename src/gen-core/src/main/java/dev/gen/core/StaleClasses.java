package dev.gen.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A classpath directory that is a Maven project's {@code target/classes} but older than the project's sources: the
 * user edited an entity and forgot {@code mvn compile}, and gen would compare the database with the old classes.
 */
final class StaleClasses {

    private StaleClasses() {
    }

    /** A warning for the first stale entry, or empty; never fails the generate. */
    static Optional<String> warning(List<Path> classpath) {
        for (Path entry : classpath) {
            Path classes = entry.toAbsolutePath().normalize();
            if (!Files.isDirectory(classes) || !classes.endsWith(Path.of("target", "classes"))) {
                continue;
            }
            Path project = classes.getParent().getParent();
            Path sources = project.resolve("src/main/java");
            if (!Files.isRegularFile(project.resolve("pom.xml")) || !Files.isDirectory(sources)) {
                continue;
            }
            try {
                FileTime newestSource = newest(sources, ".java");
                FileTime newestClass = newest(classes, ".class");
                if (newestSource.compareTo(newestClass) > 0) {
                    return Optional.of("The classes in " + entry + " are older than the sources in " + sources
                            + ": gen reads the compiled classes, so an entity edited since the last build is not"
                            + " seen. Run mvn compile first (the Maven plugin's goals do it themselves).");
                }
            } catch (UncheckedIOException e) {
                // an unreadable tree is no reason to stop generating
            }
        }
        return Optional.empty();
    }

    private static FileTime newest(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).map(StaleClasses::modified)
                    .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
