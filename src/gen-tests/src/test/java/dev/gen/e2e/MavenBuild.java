package dev.gen.e2e;

import dev.gen.testing.GenProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real {@code mvn} processes for the plugin's and the starter's tests. The reactor's artifacts are installed into a
 * local repository of the build directory (so that no other checkout's {@code mvn install} into {@code ~/.m2} can
 * change what the tests run). Its first remote is the user's {@code ~/.m2/repository} read as a file repository, so
 * that the builds need no network when that holds what they use; anything it lacks (on a fresh machine, Spring
 * Boot's parent POMs, say) comes from Maven Central, as in the user's own builds.
 */
final class MavenBuild {

    static final Path REPOSITORY = Path.of(System.getProperty("gen.repository", ".")).toAbsolutePath().normalize();
    private static final Path USER_REPOSITORY = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final Path BUILD = REPOSITORY.resolve("src/gen-tests/target");
    private static final Path LOCAL_REPOSITORY = BUILD.resolve("maven-repo");
    private static final Path SETTINGS = BUILD.resolve("maven-settings.xml");
    private static boolean installed;

    private MavenBuild() {
    }

    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + output;
        }
    }

    /** The modules sample projects use. */
    private static final String[] PUBLISHED = {"src/gen-runtime", "src/gen-core", "src/gen-maven-plugin",
            "src/gen-spring-boot-starter"};

    /** Installs the published modules (and the parent) unless what is installed is newer than every source. */
    static synchronized void installReactor() {
        String[] modules = PUBLISHED;
        if (installed) {
            return;
        }
        writeSettings();
        Path plugin = LOCAL_REPOSITORY.resolve("dev/gen/gen-maven-plugin/0.1.0/gen-maven-plugin-0.1.0.jar");
        if (!Files.exists(plugin) || newestSource(modules).compareTo(modified(plugin)) > 0) {
            List<String> args = new ArrayList<>(List.of("install", "-DskipTests", "-Dmaven.test.skip=true", "-pl",
                    String.join(",", modules), "-am"));
            Result result = run(REPOSITORY, args);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("Installing the reactor for the Maven tests failed:\n" + result);
            }
        }
        installed = true;
    }

    private static void writeSettings() {
        try {
            Files.createDirectories(LOCAL_REPOSITORY);
            Files.writeString(SETTINGS, """
                    <settings>
                      <localRepository>%1$s</localRepository>
                      <profiles>
                        <profile>
                          <id>user-repository</id>
                          <repositories>
                            <repository><id>user-repository</id><url>%2$s</url></repository>
                          </repositories>
                          <pluginRepositories>
                            <pluginRepository><id>user-repository</id><url>%2$s</url></pluginRepository>
                          </pluginRepositories>
                        </profile>
                      </profiles>
                      <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
                    </settings>
                    """.formatted(LOCAL_REPOSITORY, USER_REPOSITORY.toUri()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code mvn -B -q -s <settings> <args>} in {@code project}, with its output. */
    static Result run(Path project, List<String> args) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", SETTINGS.toString()));
        command.addAll(args);
        try {
            Path log = Files.createTempFile(BUILD, "mvn", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            GenProcess.keepTemporaryFilesInTheBuild(builder);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn " + args + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static FileTime newestSource(String... modules) {
        FileTime newest = FileTime.fromMillis(0);
        List<Path> roots = new ArrayList<>(List.of(REPOSITORY.resolve("pom.xml")));
        for (String module : modules) {
            roots.add(REPOSITORY.resolve(module).resolve("pom.xml"));
            roots.add(REPOSITORY.resolve(module).resolve("src/main"));
        }
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    FileTime time = modified(file);
                    if (time.compareTo(newest) > 0) {
                        newest = time;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
