package dev.gen.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * For a child JVM started another way (Maven, an application): the JDK reads {@code java.io.tmpdir} once at
     * start-up, so the setting goes on the {@code java} command line, or into {@code MAVEN_OPTS} for {@code mvn}.
     */
    public static void keepTemporaryFilesInTheBuild(ProcessBuilder builder) {
        String option = "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir");
        List<String> command = builder.command();
        if (Path.of(command.get(0)).getFileName().toString().equals("java")) {
            command.add(1, option);
            return;
        }
        Map<String, String> env = builder.environment();
        String existing = env.get("MAVEN_OPTS");
        env.put("MAVEN_OPTS", existing == null || existing.isBlank() ? option : existing + " " + option);
    }
}
