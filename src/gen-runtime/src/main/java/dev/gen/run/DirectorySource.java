package dev.gen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Migrations as {@code .java} files in a directory, compiled when loaded. */
final class DirectorySource implements MigrationSource {

    private final Path directory;
    private final SourceCompiler compiler;

    DirectorySource(Path directory, SourceCompiler compiler) {
        this.directory = directory;
        this.compiler = compiler;
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public List<LoadedMigration> load() {
        List<Path> files = javaFiles();
        List<MigrationClasses.Named> named = new ArrayList<>();
        for (Path file : files) {
            String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
            named.add(new MigrationClasses.Named(MigrationClasses.idOf(simpleName, "File " + file), file.toString()));
        }
        named.sort(Comparator.comparing(MigrationClasses.Named::id));
        // Checked before compiling: a duplicate is cheaper to report than a compile run.
        MigrationClasses.checkDistinctVersions(named, describe());
        if (files.isEmpty()) {
            return List.of();
        }
        Path classes = compiler.compile(files);
        try {
            return loadCompiled(named, classes);
        } finally {
            deleteRecursively(classes);
        }
    }

    private List<LoadedMigration> loadCompiled(List<MigrationClasses.Named> named, Path classes) {
        Map<String, String> classNames = classNamesBySimpleName(classes);
        List<LoadedMigration> loaded = new ArrayList<>();
        // Statements are recorded while loading, so the class loader and its files are needed only until then.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                dev.gen.api.Migration.class.getClassLoader())) {
            for (MigrationClasses.Named migration : named) {
                String className = classNames.get(migration.id().simpleName());
                if (className == null) {
                    throw new MigrationException("File " + migration.origin() + " compiled, but declares no top-level"
                            + " class named " + migration.id().simpleName()
                            + ". The class must be named like its file.");
                }
                Class<?> type = Class.forName(className, true, loader);
                loaded.add(MigrationClasses.load(type, migration.origin()));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationException("Compiled migrations in " + directory + " cannot be loaded: "
                    + Messages.oneLine(e.toString()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MigrationClasses.ordered(loaded, describe());
    }

    private List<Path> javaFiles() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationException("The migrations directory " + directory.toAbsolutePath() + " does not exist."
                    + " Generate a migration first, or point gen at the directory that holds them.");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !hidden(directory.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations directory " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Under a directory such as {@code .gen-cache} or {@code .git}: tool files, not migrations. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Top-level classes only: nested and anonymous ones ({@code $} in the file name) belong to their outer class. */
    private static Map<String, String> classNamesBySimpleName(Path classes) {
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .map(p -> classes.relativize(p).toString().replaceFirst("\\.class$", "")
                            .replace(p.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toMap(n -> n.substring(n.lastIndexOf('.') + 1), n -> n, (a, b) -> a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory does no harm.
        }
    }
}
