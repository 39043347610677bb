package dev.gen.maven;

import dev.gen.core.MigrationCommands;
import dev.gen.core.RunSettings;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:run}: applies the pending migrations of every location, as {@code gen migration:run}. Compiles
 * the project first: the application's migrations are loaded from its build output, as they ship.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunMojo extends GenMojo {

    /** Apply the application's own pending migrations older than its newest applied one ({@code gen.out-of-order}). */
    @Parameter
    boolean outOfOrder;

    /** Record the pending migrations as applied without running them ({@code gen.fake}). */
    @Parameter
    boolean fake;

    /** Apply only up to this version ({@code gen.to}). */
    @Parameter
    String to;

    @Override
    void run() {
        RunSettings settings = RunSettings.defaults().withOutOfOrder(flag("out-of-order", outOfOrder))
                .withFake(flag("fake", fake)).withTarget(dev.gen.core.MigrationVersions.of(option("to", to)));
        MigrationCommands.Applied result = MigrationCommands.run(config(true), settings);
        for (MigrationCommands.Executed migration : result.migrations()) {
            getLog().info((result.recordedOnly() ? "Recorded " : "Applied ") + migration.id() + " (" + migration.executionMs()
                    + " ms)");
        }
        getLog().info(result.migrations().isEmpty() ? "No pending migrations." : result.migrations().size()
                + (result.migrations().size() == 1 ? " migration " : " migrations ")
                + (result.recordedOnly() ? "recorded." : "applied."));
    }
}
