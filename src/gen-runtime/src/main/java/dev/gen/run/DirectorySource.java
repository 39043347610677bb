package dev.gen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
            FileTrees.delete(classes);
        }
    }

    /**
     * Loads the compiled classes into memory (the temporary directory is deleted right after) without initialising
     * any; each checksum is that of its source file.
     */
    private List<LoadedMigration> loadCompiled(List<MigrationClasses.Named> named, Path classes) {
        Map<String, String> classNames = classNamesBySimpleName(classes);
        CompiledClasses loader = new CompiledClasses(readClassFiles(classes), compiler.parent());
        List<LoadedMigration> loaded = new ArrayList<>();
        for (MigrationClasses.Named migration : named) {
            String className = classNames.get(migration.id().simpleName());
            if (className == null) {
                throw new MigrationException("File " + migration.origin() + " compiled, but declares no top-level"
                        + " class named " + migration.id().simpleName()
                        + ". The class must be named like its file.");
            }
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException("Compiled migration " + migration.origin() + " cannot be loaded: "
                        + Messages.oneLine(e.toString()), e);
            }
            Path file = Path.of(migration.origin());
            loaded.add(MigrationClasses.load(type, migration.origin(), () -> Checksums.ofSource(read(file))));
        }
        return MigrationClasses.ordered(loaded, describe());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migration " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readClassFiles(Path classes) {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replaceFirst("\\.class$", "")
                        .replace(p.getFileSystem().getSeparator(), ".");
                files.put(name, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read the compiled migrations in " + classes + ": "
                    + e.getMessage(), e);
        }
        return files;
    }

    /**
     * The compiled migrations, defined from memory when first needed. Their own classes come first: the parent may
     * hold the application's build output, where an older compilation of the same sources can sit.
     */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classFiles;

        CompiledClasses(Map<String, byte[]> classFiles, ClassLoader parent) {
            super("gen-migrations", parent);
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classFiles.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                Class<?> type = loaded != null ? loaded : findClass(name);
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
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
}
