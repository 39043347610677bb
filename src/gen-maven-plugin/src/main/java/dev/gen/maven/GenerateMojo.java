package dev.gen.maven;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:generate -Dgen.name=UserChanged}: compiles the project first (so the entities are never stale), then
 * writes a migration for what changed, as {@code gen migration:generate}. Renames and backfills that need an answer
 * are refused with the command line's advice (flags {@code -Dgen.allow-destructive=true}, {@code -Dgen.backfill}).
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GenerateMojo extends GenMojo {

    /** The migration's name, such as UserChanged ({@code gen.name}). */
    @Parameter(property = "gen.name")
    String name;

    /** Allow drops and narrowing type changes ({@code gen.allow-destructive}). */
    @Parameter
    boolean allowDestructive;

    /** Print the migration instead of writing it ({@code gen.dry-run}). */
    @Parameter
    boolean dryRun;

    @Override
    void run() throws MojoFailureException {
        String migrationName = option("name", name);
        if (migrationName == null || migrationName.isBlank()) {
            throw new MojoFailureException("gen (exit 2): Missing the migration's name: mvn gen:generate"
                    + " -Dgen.name=UserChanged.");
        }
        boolean preview = flag("dry-run", dryRun);
        GenerateRequest request = new GenerateRequest(migrationName, preview ? GenerateRequest.Mode.DRY_RUN
                : GenerateRequest.Mode.WRITE, null, flag("allow-destructive", allowDestructive), null, null, null);
        GenerateResult result = Generator.generate(config(true), request,
                cacheDirectory());
        Reports.warnings(getLog(), result);
        if (!result.hasChanges()) {
            getLog().info("No changes: the database matches the entities.");
        } else if (preview) {
            getLog().info("\n" + result.source());
        } else {
            Reports.changes(getLog(), result);
            result.writtenLines().forEach(getLog()::info);
        }
    }
}
