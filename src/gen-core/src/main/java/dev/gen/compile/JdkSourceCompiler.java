package dev.gen.compile;

import dev.gen.api.Migration;
import dev.gen.run.Messages;
import dev.gen.run.MigrationException;
import dev.gen.run.SourceCompiler;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles migration sources in-process into a temporary directory, reporting errors as one paragraph. Besides gen's
 * API they see {@code extraClasspath} (the application's classes and libraries, when gen was given them), at
 * compile time and, through {@link #parent()}, when they run.
 */
public final class JdkSourceCompiler implements SourceCompiler {

    /** javac's codes for a class, symbol or package it cannot find: what a missing application classpath causes. */
    private static final List<String> MISSING_TYPE_CODES = List.of("compiler.err.cant.resolve",
            "compiler.err.doesnt.exist", "compiler.err.cant.access");

    private final List<Path> extraClasspath;
    private ClassLoader parent;

    public JdkSourceCompiler(List<Path> extraClasspath) {
        this.extraClasspath = List.copyOf(extraClasspath);
    }

    /** The application's classpath over gen's, created once; it lives as long as the migrations loaded under it. */
    @Override
    public synchronized ClassLoader parent() {
        if (parent == null) {
            ClassLoader gen = Migration.class.getClassLoader();
            if (extraClasspath.isEmpty()) {
                parent = gen;
            } else {
                java.net.URL[] urls = extraClasspath.stream().map(JdkSourceCompiler::url).toArray(java.net.URL[]::new);
                parent = new java.net.URLClassLoader("gen-migrations-classpath", urls, gen);
            }
        }
        return parent;
    }

    private static java.net.URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new MigrationException("The classpath entry " + entry + " is not a file or directory: "
                    + e.getMessage(), e);
        }
    }

    /** The directory holding the compiled classes; the caller deletes it. */
    @Override
    public Path compile(List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new MigrationException("gen cannot compile the migration sources: it runs on a Java runtime without"
                    + " a compiler (" + System.getProperty("java.home") + "). Run gen on a JDK, or compile the"
                    + " migrations yourself and load them from a classpath (a directory or jar of .class files).");
        }
        Path output;
        try {
            output = Files.createTempDirectory("gen-migrations-");
        } catch (IOException e) {
            throw new MigrationException("Cannot create a temporary directory to compile migrations into: "
                    + e.getMessage(), e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", output.toString(), "-classpath", classpath(), "-proc:none",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none");
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new MigrationException(describeErrors(diagnostics.getDiagnostics(), extraClasspath.isEmpty()));
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot compile the migrations: " + e.getMessage(), e);
        }
        return output;
    }

    /**
     * The running JVM's classpath, and explicitly where {@link Migration} comes from: under a launcher or an
     * application server the API may not be on {@code java.class.path}.
     */
    private String classpath() {
        List<String> entries = new ArrayList<>();
        CodeSource api = Migration.class.getProtectionDomain().getCodeSource();
        if (api != null && api.getLocation() != null) {
            try {
                entries.add(Path.of(api.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file location (a nested jar, say); java.class.path below usually covers it.
            }
        }
        String own = System.getProperty("java.class.path", "");
        if (!own.isEmpty()) {
            entries.add(own);
        }
        extraClasspath.forEach(entry -> entries.add(entry.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * "Migration V..__X.java does not compile: line 12: ';' expected." plus other files' first errors; when a class
     * or package is missing and gen was given no application classpath, how to give it.
     */
    static String describeErrors(List<Diagnostic<? extends JavaFileObject>> diagnostics, boolean noClasspath) {
        Map<String, List<Diagnostic<? extends JavaFileObject>>> byFile = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(d);
            }
        }
        if (byFile.isEmpty()) {
            return "The migrations do not compile, and the compiler gave no reason. Check that gen runs on a JDK.";
        }
        StringBuilder message = new StringBuilder();
        for (Map.Entry<String, List<Diagnostic<? extends JavaFileObject>>> entry : byFile.entrySet()) {
            Diagnostic<? extends JavaFileObject> first = entry.getValue().get(0);
            String what = entry.getKey().isEmpty() ? "The migrations do" : "Migration " + entry.getKey() + " does";
            message.append(message.length() == 0 ? "" : " ")
                    .append(what).append(" not compile: ")
                    .append(first.getLineNumber() > 0 ? "line " + first.getLineNumber() + ": " : "")
                    .append(Messages.oneLine(first.getMessage(Locale.ROOT)));
            int more = entry.getValue().size() - 1;
            message.append(more > 0 ? " (and " + Messages.plural(more, "more error") + ")." : ".");
        }
        boolean missingType = byFile.values().stream().flatMap(List::stream).anyMatch(d -> d.getCode() != null
                && MISSING_TYPE_CODES.stream().anyMatch(d.getCode()::startsWith));
        if (missingType && noClasspath) {
            message.append(" A migration that uses the application's own classes compiles against them only when gen"
                    + " is given them: pass the application's classes and libraries with --classpath (classpath=,"
                    + " GEN_CLASSPATH; the entities) or --migrations-classpath (migrations-classpath=); the Maven"
                    + " plugin's gen:run passes the project's build output and dependencies itself.");
        } else {
            message.append(byFile.size() == 1 ? " Fix the source or delete the file."
                    : " Fix the sources or delete the files.");
        }
        return message.toString();
    }
}
