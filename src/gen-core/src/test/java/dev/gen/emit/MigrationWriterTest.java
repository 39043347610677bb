package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationWriterTest {

    private final MigrationWriter writer = new MigrationWriter();
    private final GeneratedMigration migration = new MigrationEmitter().emit("UserChanged", SamplePlans.TIMESTAMP,
            SamplePlans.userChanged(), EmitOptions.defaults());

    @TempDir
    Path work;

    @Test
    void writesTheSourceIntoANewDirectoryLeavingNothingElse() throws IOException {
        Path directory = work.resolve("src/main/java/db/migration");
        Path written = writer.write(directory, migration);
        assertEquals(directory.resolve("V20261121223000__UserChanged.java"), written);
        assertEquals(migration.javaSource(), Files.readString(written, StandardCharsets.UTF_8));
        assertEquals(List.of("V20261121223000__UserChanged.java"), fileNames(directory));
    }

    @Test
    void givesTheFileTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.writeString(work.resolve("ordinary.txt"), "x");
        Path written = writer.write(work, migration);
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written));
    }

    @Test
    void writesNextToExistingMigrations() throws IOException {
        GeneratedMigration earlier = new MigrationEmitter().blank("Earlier", SamplePlans.TIMESTAMP.minusSeconds(60),
                EmitOptions.defaults());
        writer.write(work, earlier);
        writer.write(work, migration);
        assertEquals(List.of("V20261121222900__Earlier.java", "V20261121223000__UserChanged.java"), fileNames(work));
    }

    @Test
    void refusesToOverwriteAndLeavesTheExistingFileAlone() throws IOException {
        Path existing = work.resolve(migration.fileName());
        Files.writeString(existing, "// reviewed and edited by hand\n");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> writer.write(work, migration));
        assertTrue(e.getMessage().contains(migration.fileName()) && e.getMessage().contains("choose another name"),
                e.getMessage());
        assertEquals("// reviewed and edited by hand\n", Files.readString(existing));
        assertEquals(List.of(migration.fileName()), fileNames(work), "no temporary file left behind");
    }

    @Test
    void refusesWhenTheNameIsADanglingLink() throws IOException {
        Path link = work.resolve(migration.fileName());
        Files.createSymbolicLink(link, work.resolve("missing"));
        assertThrows(FileAlreadyExistsException.class, () -> writer.write(work, migration));
        assertEquals(List.of(migration.fileName()), fileNames(work));
    }

    @Test
    void failsCleanlyWhenTheDirectoryIsAFile() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-directory"), "x");
        assertThrows(IOException.class, () -> writer.write(file, migration));
        assertEquals(List.of("not-a-directory"), fileNames(work));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
