package dev.gen.compile;

import dev.gen.run.MigrationSource;
import java.nio.file.Path;

/** Migration sources that gen compiles itself: the runtime loads classes, this module brings the compiler. */
public final class MigrationSources {

    private MigrationSources() {
    }

    /**
     * The {@code .java} files under {@code directory} (recursively), compiled in-process with the JDK's compiler
     * against the running JVM's classpath.
     */
    public static MigrationSource directory(Path directory) {
        return MigrationSource.directory(directory, new JdkSourceCompiler(java.util.List.of()));
    }

    /**
     * As {@link #directory(Path)}, with {@code classpath} (the application's classes and libraries) visible to the
     * migrations when they compile and when they run: a data migration may use the application's own classes.
     */
    public static MigrationSource directory(Path directory, java.util.List<Path> classpath) {
        return MigrationSource.directory(directory, new JdkSourceCompiler(classpath));
    }
}
