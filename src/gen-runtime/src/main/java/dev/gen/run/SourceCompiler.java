package dev.gen.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiles migration sources into a directory of classes. The runtime only loads compiled migrations; gen-core's
 * {@code dev.gen.compile.JdkSourceCompiler} implements this with the JDK's compiler, so that the runtime itself needs
 * nothing beyond {@code java.base} and {@code java.sql}.
 */
@FunctionalInterface
public interface SourceCompiler {

    /**
     * The directory holding the compiled classes; the caller deletes it.
     *
     * @throws MigrationException naming every compile error, as one paragraph
     */
    Path compile(List<Path> sources);

    /** The class loader the compiled migrations are defined under: what they may use besides themselves. */
    default ClassLoader parent() {
        return dev.gen.api.Migration.class.getClassLoader();
    }
}
