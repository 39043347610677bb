package dev.gen.maven;

import dev.gen.core.MigrationCommands;
import dev.gen.core.MigrationVersions;
import dev.gen.core.RunSettings;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn gen:revert}: runs {@code down} of the last applied migration (or {@code -Dgen.count}, {@code -Dgen.to}). */
@Mojo(name = "revert", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RevertMojo extends GenMojo {

    /** How many migrations to revert, newest first ({@code gen.count}; default 1). */
    @Parameter
    Integer count;

    /** Revert every migration newer than this version, which stays applied ({@code gen.to}). */
    @Parameter
    String to;

    @Override
    void run() {
        String target = MigrationVersions.of(option("to", to));
        List<MigrationCommands.Executed> reverted = target != null
                ? MigrationCommands.revertTo(config(true), RunSettings.defaults(), target)
                : MigrationCommands.revert(config(true), RunSettings.defaults(), Integer.parseInt(option("count",
                        count == null ? 1 : count)));
        for (MigrationCommands.Executed migration : reverted) {
            getLog().info("Reverted " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        if (reverted.isEmpty()) {
            getLog().info("Nothing to revert.");
        }
    }
}
