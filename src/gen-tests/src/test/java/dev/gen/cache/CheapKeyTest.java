package dev.gen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.hibernate.TargetSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache key is computed from file metadata once the files' digests are known, hashes only what changed, and
 * never takes a remembered digest for a file that changed.
 */
class CheapKeyTest {

    private static final int CLASS_FILES = 50;

    @TempDir
    Path temp;

    private Path classes;
    private Path releaseJar;
    private Path snapshotJar;
    private ModelCache cache;
    private final TargetSettings settings = new TargetSettings("public", Map.of());

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        classes = Files.createDirectories(temp.resolve("classes/com/example"));
        for (int i = 0; i < CLASS_FILES; i++) {
            Files.write(classes.resolve("Entity" + i + ".class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) i});
        }
        classes = temp.resolve("classes");
        Path repository = temp.resolve("m2/repository/org/acme");
        releaseJar = Files.createDirectories(repository.resolve("lib/1.2.0")).resolve("lib-1.2.0.jar");
        Files.write(releaseJar, new byte[] {'P', 'K', 3, 4});
        snapshotJar = Files.createDirectories(repository.resolve("app/2.0-SNAPSHOT")).resolve("app-2.0-SNAPSHOT.jar");
        Files.write(snapshotJar, new byte[] {'P', 'K', 5, 6});
        cache = ModelCache.in(temp.resolve(".gen-cache"));
        // Files written within FileDigests.RACY_MARGIN_NANOS of their digest are hashed again on the next run.
        Thread.sleep(FileDigests.RACY_MARGIN_NANOS / 1_000_000 + 100);
    }

    private ModelCache.Key key() {
        return cache.key(List.of(classes, releaseJar, snapshotJar), List.of(), settings).orElseThrow();
    }

    @Test
    void aWarmKeyReadsNoFileAndAChangedFileIsTheOnlyOneHashed() throws IOException {
        ModelCache.Key cold = key();
        // every class file and the snapshot jar (and gen's own jar when it runs from one); never the release jar
        assertTrue(cache.lastHashedFiles() >= CLASS_FILES + 1, "hashed " + cache.lastHashedFiles());
        ModelCache.Key warm = key();
        assertEquals(cold, warm);
        assertEquals(0, cache.lastHashedFiles(), "a warm key reads sizes and times only");

        Files.write(classes.resolve("com/example/Entity7.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 99, 100});
        ModelCache.Key changed = key();
        assertNotEquals(cold, changed);
        assertEquals(1, cache.lastHashedFiles(), "only the changed file is read");
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndModificationTimeStillMisses() throws IOException {
        ModelCache.Key before = key();
        Path file = classes.resolve("com/example/Entity3.class");
        FileTime modified = Files.getLastModifiedTime(file);
        Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, 42});
        Files.setLastModifiedTime(file, modified); // as cp -p or an unpacked archive would
        assertNotEquals(before, key(), "the change time gives the rewrite away");
    }

    @Test
    void aReleasedMavenJarCountsByPathSizeAndTimeAndASnapshotByItsBytes() throws IOException {
        assertTrue(FileDigests.isMavenRelease(releaseJar));
        assertTrue(FileDigests.isMavenRelease(releaseJar.resolveSibling("lib-1.2.0-sources.jar")));
        assertFalse(FileDigests.isMavenRelease(snapshotJar));
        assertFalse(FileDigests.isMavenRelease(temp.resolve("m2/repository/org/acme/app/2.0-SNAPSHOT/"
                + "app-2.0-20261201.101010-3.jar")));
        assertFalse(FileDigests.isMavenRelease(temp.resolve("build/libs/lib-1.2.0.jar")), "not a repository path");

        ModelCache.Key before = key();
        Files.write(releaseJar, new byte[] {'P', 'K', 7, 8, 9});
        assertNotEquals(before, key(), "a new size or time misses");
        ModelCache.Key again = key();
        Files.write(snapshotJar, new byte[] {'P', 'K', 0, 0});
        assertNotEquals(again, key(), "a snapshot is hashed");
    }

    @Test
    void aDamagedIndexIsIgnored() throws IOException {
        ModelCache.Key before = key();
        Path index = temp.resolve(".gen-cache").resolve(FileDigests.INDEX_FILE);
        assertTrue(Files.isRegularFile(index));
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(before, key());
        assertTrue(cache.lastHashedFiles() >= CLASS_FILES, "everything hashed again");
        Files.writeString(index, "not an index");
        assertEquals(before, key());
    }
}
