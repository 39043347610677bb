package dev.gen.maven;

import dev.gen.core.MigrationVersions;
import dev.gen.core.Migrations;
import dev.gen.run.ExecutedMigration;
import dev.gen.run.RevertResult;
import dev.gen.run.RunOptions;
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
        RevertResult result = target != null ? Migrations.revertTo(config(true), RunOptions.defaults(), target)
                : Migrations.revert(config(true), RunOptions.defaults(), Integer.parseInt(option("count",
                        count == null ? 1 : count)));
        for (ExecutedMigration migration : result.reverted()) {
            getLog().info("Reverted " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        if (result.reverted().isEmpty()) {
            getLog().info("Nothing to revert.");
        }
    }
}
