package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.api.Migration;
import dev.gen.api.MigrationContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles emitted sources with the JDK's compiler, as strictly as a careful project would (all lints and doclint
 * as errors, ASCII source encoding), then loads them and runs their {@code up} and {@code down}.
 */
final class CompiledMigrations {

    private static final List<String> STRICT = List.of(
            "--release", "17",
            // Emitted sources are pure ASCII, so they mean the same under any encoding; prove it.
            "-encoding", "US-ASCII",
            "-Xlint:all", "-Xdoclint:all,-missing", "-Werror", "-proc:none");

    private CompiledMigrations() {
    }

    /** Compiles {@code migrations} together into {@code workDirectory} and instantiates each, in order. */
    static List<Migration> compileAndLoad(Path workDirectory, List<GeneratedMigration> migrations,
            List<String> packages) throws IOException, ReflectiveOperationException {
        Path sources = Files.createDirectories(workDirectory.resolve("src"));
        Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        List<String> options = new ArrayList<>(STRICT);
        options.addAll(List.of("-classpath", apiLocation().toString(), "-d", classes.toString()));
        List<Path> sourceFiles = new ArrayList<>();
        for (GeneratedMigration migration : migrations) {
            Path file = sources.resolve(migration.fileName());
            Files.writeString(file, migration.javaSource(), StandardCharsets.US_ASCII);
            sourceFiles.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, null, StandardCharsets.US_ASCII)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sourceFiles)).call();
            assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(),
                    () -> "emitted source does not compile cleanly: " + diagnostics.getDiagnostics());
        }
        // Parent: the test's loader, so that the loaded classes implement the same Migration interface.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                CompiledMigrations.class.getClassLoader());
        List<Migration> loaded = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            String packageName = packages.get(i);
            String className = (packageName.isEmpty() ? "" : packageName + ".") + migrations.get(i).className();
            loaded.add((Migration) loader.loadClass(className).getDeclaredConstructor().newInstance());
        }
        return loaded;
    }

    static Migration compileAndLoad(Path workDirectory, GeneratedMigration migration, String packageName)
            throws IOException, ReflectiveOperationException {
        return compileAndLoad(workDirectory, List.of(migration), List.of(packageName)).get(0);
    }

    /** What {@code up} executes, one string per call. */
    static List<String> up(Migration migration) throws Exception {
        Recorder recorder = new Recorder();
        migration.up(recorder);
        return recorder.statements;
    }

    /** What {@code down} executes, one string per call. */
    static List<String> down(Migration migration) throws Exception {
        Recorder recorder = new Recorder();
        migration.down(recorder);
        return recorder.statements;
    }

    static void assertAscii(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            int at = i;
            assertTrue(c < 0x80 && (c >= 0x20 || c == '\n'),
                    () -> "not printable ASCII at " + at + ": U+" + Integer.toHexString(c) + " in\n" + source);
        }
    }

    /** target/classes (or the jar) holding dev.gen.api: the only thing a migration needs beyond the JDK. */
    private static Path apiLocation() {
        try {
            return Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Recorder implements MigrationContext {
        final List<String> statements = new ArrayList<>();

        @Override
        public void execute(String sql) {
            statements.add(sql);
        }
    }
}
