package dev.gen.maven;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.core.MigrationVersions;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.run.RunResult;
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
        RunResult result = Migrations.baseline(config(true), RunOptions.defaults(), target);
        getLog().info(result.applied().size() + " migrations recorded as applied.");
    }
}
