package dev.gen.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts gen's CLI in a JVM of its own, on the test's classpath. The child gets the test JVM's
 * {@code java.io.tmpdir} (the module's build directory, set by surefire), so that what a child leaves behind, such
 * as a runner killed on purpose, stays out of the system's temp folder.
 */
public final class GenProcess {

    private GenProcess() {
    }

    /** {@code java [jvmOptions] -Djava.io.tmpdir=... -cp <classpath> dev.gen.cli.Main}; append gen's arguments. */
    public static List<String> cli(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.gen.cli.Main"));
        return command;
    }
}
