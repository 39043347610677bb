package dev.gen.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the cache's files so that a reader sees the old file or the new one, never part of one. */
final class CacheFiles {

    /** The contents of a file. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private CacheFiles() {
    }

    /**
     * Writes {@code target} through a temporary file in its directory and a move over it. A failure (read-only
     * directory, full disk) only costs a later run some work, so it is swallowed: the result says whether the file
     * was written.
     */
    static boolean writeAtomically(Path target, String temporaryPrefix, Body body) {
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), temporaryPrefix, ".tmp");
            try (OutputStream stream = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream))) {
                body.write(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
