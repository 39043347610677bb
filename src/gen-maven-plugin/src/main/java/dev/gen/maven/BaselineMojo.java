package dev.gen.maven;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.core.MigrationCommands;
import dev.gen.core.MigrationVersions;
import dev.gen.core.RunSettings;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn gen:baseline -Dgen.version=20261121090000}: marks migrations up to it as applied, running none. */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class BaselineMojo extends GenMojo {

    /** The version to baseline at ({@code gen.version}). */
    @Parameter
    String version;

    @Override
    void run() {
        String target = MigrationVersions.of(option("version", version));
        if (target == null) {
            throw new GenException("Missing the version: mvn gen:baseline -Dgen.version=<14 digits>.",
                    ExitCodes.USAGE);
        }
        MigrationCommands.Applied result = MigrationCommands.baseline(config(true), RunSettings.defaults(), target);
        getLog().info(result.migrations().size() + " migrations recorded as applied.");
    }
}
