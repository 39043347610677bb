package dev.gen.maven;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:check}, for CI: fails the build, listing the changes, when the entities differ from the database
 * and no migration covers them ({@code gen migration:generate --check}, exit 1). Compiles the project first. Bind it
 * to {@code verify} in a build that has a database with the migrations applied (run {@code gen:run} before it).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends GenMojo {

    @Override
    void run() throws MojoFailureException {
        GenerateResult result = Generator.generate(config(true), GenerateRequest.check(),
                cacheDirectory());
        Reports.warnings(getLog(), result);
        if (result.hasChanges()) {
            throw new MojoFailureException("gen (exit 1): the entities and the database differ, and no migration"
                    + " covers it. " + Reports.changes(result) + "\nRun mvn gen:generate -Dgen.name=<Name> to write a"
                    + " migration, and commit it.");
        }
        getLog().info("No changes: the database matches the entities.");
    }
}
