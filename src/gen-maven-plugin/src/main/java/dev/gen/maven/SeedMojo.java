package dev.gen.maven;

import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.core.MigrationCommands;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:seed}: applies the pending migrations, then inserts the seed file through the entities, in one
 * transaction, as {@code gen seed}. Compiles the project first: the entities and migrations come from its build
 * output. The file is relative to the project's directory (default {@code data/seed.json}).
 */
@Mojo(name = "seed", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class SeedMojo extends GenMojo {

    /** The seed file ({@code gen.file}; default data/seed.json in the project's directory). */
    @Parameter
    String file;

    /** Do not apply pending migrations first ({@code gen.no-migrate}). */
    @Parameter
    boolean noMigrate;

    /** Objects the database already holds: skip (default) or refuse the whole run ({@code gen.existing}). */
    @Parameter
    String existing;

    @Override
    void run() {
        String given = option("file", file);
        Path seedFile = project.getBasedir().toPath().resolve(given == null ? SeedRequest.DEFAULT_FILE : Path.of(given));
        SeedRequest request = SeedRequest.of(seedFile, !flag("no-migrate", noMigrate), "existing (gen.existing)",
                option("existing", existing));
        SeedResult result = Seeder.seed(config(true), request, cacheDirectory());
        for (MigrationCommands.Executed migration : result.applied()) {
            getLog().info("Applied " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        getLog().info(result.summary());
    }
}
