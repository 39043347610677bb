package dev.gen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The repository's example (entities-example/): the core library's entities and the application's, compiled together
 * as they are or with an edit, and the reference migrations: core's, shipped in its jar, and the application's, where
 * the Maven plugin writes them.
 */
public final class ExampleModel {

    /** The library's sources, then the application's; a file's path below them is unique across both. */
    public static final List<Path> SOURCES = List.of(Path.of("entities-example/core/src/main/java"),
            Path.of("entities-example/app/src/main/java"));
    public static final String APP_USER = "com/example/app/AppUser.java";

    /** Core's migrations (package com.example.core.db, declared in its jar's META-INF/gen/locations). */
    public static final Path CORE_MIGRATIONS = Path.of("entities-example/core/src/main/java/com/example/core/db");
    /** The application's migrations (package db.migration, the plugin's default location). */
    public static final Path APP_MIGRATIONS = Path.of("entities-example/app/src/main/java/db/migration");
    public static final String CORE_MIGRATIONS_PACKAGE = "com.example.core.db";

    public static final String CORE_INIT = "V20261101090000__CoreInit";
    public static final String INIT = "V20261121090000__Init";
    public static final String NOTES = "V20261121103000__AddUserNotes";

    private ExampleModel() {
    }

    /** Compiles the example's entities (core's and the application's; no migrations) with {@code edit} applied to one file's text. */
    public static Path compile(Path output, String file, UnaryOperator<String> edit) {
        try {
            Path copy = Files.createTempDirectory("gen-example-src");
            boolean edited = file == null;
            for (Path root : SOURCES) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path source : walk.filter(Files::isRegularFile).filter(ExampleModel::isEntitySource).toList()) {
                        String relative = root.relativize(source).toString();
                        Path target = copy.resolve(relative);
                        Files.createDirectories(target.getParent());
                        String text = Files.readString(source);
                        if (relative.equals(file)) {
                            String changed = edit.apply(text);
                            if (changed.equals(text)) {
                                throw new IllegalStateException("The edit of " + file + " changed nothing");
                            }
                            text = changed;
                            edited = true;
                        }
                        Files.writeString(target, text);
                    }
                }
            }
            if (!edited) {
                throw new IllegalStateException("The example has no file " + file);
            }
            return EntityCompiler.compileTree(output, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's entity sources (core's and the application's; no migrations), by path below their root. */
    public static java.util.Map<String, String> entitySources() {
        java.util.Map<String, String> sources = new java.util.TreeMap<>();
        try {
            for (Path root : SOURCES) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path file : walk.filter(Files::isRegularFile).filter(ExampleModel::isEntitySource).toList()) {
                        sources.put(root.relativize(file).toString(), Files.readString(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static boolean isEntitySource(Path source) {
        Path absolute = source.toAbsolutePath();
        return source.toString().endsWith(".java") && !absolute.startsWith(CORE_MIGRATIONS.toAbsolutePath())
                && !absolute.startsWith(APP_MIGRATIONS.toAbsolutePath());
    }

    /**
     * The example's whole history in one directory: core's migrations and the application's (each keeps its
     * package), as one location; {@code only} names the application's to include (all when empty). Core's always
     * come, since the application's build on its table.
     */
    public static Path history(Path dir, String... only) {
        try {
            Files.createDirectories(dir);
            List<String> wanted = List.of(only);
            for (Path location : List.of(CORE_MIGRATIONS, APP_MIGRATIONS)) {
                try (Stream<Path> files = Files.list(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
                        if (location.equals(CORE_MIGRATIONS) || wanted.isEmpty() || wanted.contains(name)) {
                            Files.copy(file, dir.resolve(file.getFileName()));
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed source of one of the application's migrations. */
    public static String appMigration(String className) {
        try {
            return Files.readString(APP_MIGRATIONS.resolve(className + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path compile(Path output) {
        return compile(output, null, UnaryOperator.identity());
    }

    /** The example as it was before AppUser got its additionalNotes field. */
    public static Path compileWithoutNotes(Path output) {
        return compile(output, APP_USER, text -> text
                .replace("    @Column(name = \"additional_notes\", length = 2000)\n    private String additionalNotes;\n", "")
                .replace("    public String getAdditionalNotes() { return additionalNotes; }\n", "")
                .replace("    public void setAdditionalNotes(String additionalNotes) { this.additionalNotes = additionalNotes; }\n", ""));
    }

    /** The example with one more field in AppUser. */
    public static Path compileWithField(Path output, String declaration) {
        return compile(output, APP_USER, text -> text.replace("    private String additionalNotes;\n",
                "    private String additionalNotes;\n\n" + declaration + "\n"));
    }
}
