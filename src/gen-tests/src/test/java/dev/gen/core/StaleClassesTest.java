package dev.gen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An entity edited after the last mvn compile is named before gen reports a false "No changes". */
class StaleClassesTest {

    @TempDir
    Path project;

    @Test
    void warnsWhenAMavenProjectsClassesAreOlderThanItsSources() throws Exception {
        Path source = write("src/main/java/com/example/User.java", 2_000_000);
        write("target/classes/com/example/User.class", 1_000_000);
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        Optional<String> warning = StaleClasses.warning(List.of(project.resolve("target/classes")));

        assertTrue(warning.isPresent() && warning.get().contains("mvn compile"), warning.toString());

        Files.setLastModifiedTime(source, FileTime.fromMillis(500_000));
        assertEquals(Optional.empty(), StaleClasses.warning(List.of(project.resolve("target/classes"))));
    }

    @Test
    void saysNothingOutsideAMavenProject() throws Exception {
        write("src/main/java/com/example/User.java", 2_000_000);
        write("target/classes/com/example/User.class", 1_000_000);

        assertEquals(Optional.empty(), StaleClasses.warning(List.of(project.resolve("target/classes"))));
    }

    private Path write(String relative, long modifiedMillis) throws Exception {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }
}
