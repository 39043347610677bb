package dev.gen.emit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a generated migration into a directory so that the file is either absent or complete: a run or a
 * compiler that looks at the directory meanwhile never sees half a migration, and a crash leaves no broken one.
 */
public final class MigrationWriter {

    /**
     * Writes {@code migration} as {@code directory/<fileName>}, creating the directory when needed.
     *
     * @return the written file
     * @throws FileAlreadyExistsException when the file exists already; it is never overwritten, since it may hold
     *     a reviewed or hand-edited migration
     */
    public Path write(Path directory, GeneratedMigration migration) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(migration.fileName());
        refuseExisting(target);
        // A hidden name without the .java suffix, so that whoever lists *.java meanwhile skips it; in the same
        // directory, so that the move below is a rename on one file system. Not Files.createTempFile: its
        // owner-only permissions would stay with the migration.
        Path temporary = directory.resolve("." + migration.fileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writeDurably(temporary, migration.javaSource().getBytes(StandardCharsets.UTF_8));
            refuseExisting(target);
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static void refuseExisting(Path target) throws FileAlreadyExistsException {
        // NOFOLLOW_LINKS: a dangling symbolic link is in the way too.
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "a migration with this name exists already; choose another name or timestamp, or delete it");
        }
    }

    /** Forces the bytes to disk before the rename publishes them, so that the name never points at a hole. */
    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Renames atomically. Where the file system cannot, a plain move still fails rather than overwrite a file
     * that appeared meanwhile (unlike REPLACE_EXISTING, which would silently replace a migration). An atomic
     * rename does replace on POSIX systems; the check just before it leaves only that instant open, acceptable for
     * a command a person runs.
     */
    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }
}
