package dev.gen.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles entity sources into a class directory, as a user's build would, so that tests can describe an
 * entity model (and its next version) as source text and hand gen a real classpath.
 */
public final class EntityCompiler {

    private EntityCompiler() {
    }

    /** @param sources path relative to the source root ({@code com/x/User.java}) to source text */
    public static Path compile(Path outputDirectory, Map<String, String> sources) {
        try {
            Path sourceRoot = Files.createTempDirectory("gen-entity-src");
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file.toString());
            }
            return compileFiles(outputDirectory, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} file under {@code sourceRoot}. */
    public static Path compileTree(Path outputDirectory, Path sourceRoot) {
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            return compileFiles(outputDirectory, walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compileFiles(Path outputDirectory, List<String> files) throws IOException {
        Files.createDirectories(outputDirectory);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", outputDirectory.toString(),
                "-cp", System.getProperty("java.class.path")));
        arguments.addAll(files);
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("Entity sources do not compile: " + files + errors);
        }
        return outputDirectory;
    }
}
