package dev.gen.core;

import java.nio.file.Path;

/**
 * Deleting a directory tree for the front ends (the command line's embedded server). The rule lives in
 * {@link dev.gen.run.FileTrees}; this class keeps the front ends talking to the façade alone.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code root} and everything under it, as far as it can (see {@link dev.gen.run.FileTrees#delete}). */
    public static void delete(Path root) {
        dev.gen.run.FileTrees.delete(root);
    }
}
