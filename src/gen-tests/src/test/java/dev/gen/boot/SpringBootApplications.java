package dev.gen.boot;

import dev.gen.testing.GenProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real Spring Boot applications for the tests, each in a JVM of its own with its own runtime classpath (Spring Boot
 * 3.5 with Hibernate 6.6, Spring Boot 4.0 with Hibernate 7.2), resolved by Maven from
 * {@code src/gen-tests/src/test/spring-boot-apps/boot-<line>/pom.xml} (the first run downloads them).
 */
final class SpringBootApplications {

    private SpringBootApplications() {
    }

    /** The application's runtime classpath: every jar of spring-boot-starter-data-jpa and the PostgreSQL driver. */
    static List<Path> runtimeClasspath(String line, Path work) {
        Path pom = Path.of("src/gen-tests/src/test/spring-boot-apps/boot-" + line + "/pom.xml").toAbsolutePath();
        return resolve(pom, work.resolve("classpath-" + line + ".txt"));
    }

    /**
     * The runtime classpath of the given artifacts (groupId:artifactId:version) and their dependencies, resolved by
     * Maven from a pom written into {@code work} (offline first: the first run downloads them).
     */
    static List<Path> resolve(List<String> artifacts, Path work, String name) {
        StringBuilder dependencies = new StringBuilder();
        for (String artifact : artifacts) {
            String[] coordinates = artifact.split(":");
            dependencies.append("<dependency><groupId>").append(coordinates[0]).append("</groupId><artifactId>")
                    .append(coordinates[1]).append("</artifactId><version>").append(coordinates[2])
                    .append("</version></dependency>\n");
        }
        try {
            Path directory = Files.createDirectories(work.resolve("resolve-" + name));
            Path pom = Files.writeString(directory.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                    <groupId>dev.gen.test</groupId><artifactId>%s</artifactId><version>1</version>
                    <dependencies>%s</dependencies></project>
                    """.formatted(name, dependencies));
            return resolve(pom, directory.resolve("classpath.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> resolve(Path pom, Path output) {
        Result offline = maven(pom, output, true);
        if (offline.exitCode() != 0) {
            Result online = maven(pom, output, false);
            if (online.exitCode() != 0) {
                throw new IllegalStateException("Cannot resolve the classpath of " + pom + " with Maven:\n"
                        + online.output());
            }
        }
        try {
            return Arrays.stream(Files.readString(output).trim().split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result maven(Path pom, Path output, boolean offline) {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-f", pom.toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + output));
        if (offline) {
            command.add("-o");
        }
        return run(command, output.getParent(), 600);
    }

    /** Compiles the application's sources against its own classpath. */
    static Path compile(Map<String, String> sources, List<Path> classpath, Path work) {
        try {
            Path sourceRoot = Files.createDirectories(work.resolve("app-src"));
            Path classes = Files.createDirectories(work.resolve("app-classes"));
            List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", classes.toString(),
                    "-cp", join(classpath)));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                if (source.getKey().endsWith(".java")) {
                    arguments.add(file.toString());
                } else {
                    Path resource = classes.resolve(source.getKey());
                    Files.createDirectories(resource.getParent());
                    Files.writeString(resource, source.getValue(), StandardCharsets.UTF_8);
                }
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("The Spring Boot application does not compile: " + sources.keySet());
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the application's main class in a JVM of its own with Spring Boot's command-line arguments. */
    static Result start(Path classes, List<Path> classpath, String mainClass, List<String> arguments) {
        List<Path> all = new ArrayList<>(List.of(classes));
        all.addAll(classpath);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                join(all), mainClass));
        command.addAll(arguments);
        return run(command, classes.getParent(), 300);
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds) {
        try {
            Path log = Files.createTempFile(directory, "process-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            GenProcess.keepTemporaryFilesInTheBuild(builder);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command.get(0));
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    record Result(int exitCode, String output) {
    }
}
