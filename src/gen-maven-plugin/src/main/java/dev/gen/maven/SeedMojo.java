package dev.gen.maven;

import dev.gen.cache.ModelCache;
import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.run.ExecutedMigration;
import dev.gen.run.RunOptions;
import dev.gen.seed.ExistingRows;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
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
        SeedRequest request = new SeedRequest(seedFile, !flag("no-migrate", noMigrate), existingRows(),
                RunOptions.defaults());
        SeedResult result = Seeder.seed(config(true), request,
                ModelCache.in(project.getBasedir().toPath().resolve(".gen-cache")));
        for (ExecutedMigration migration : result.migrations().applied()) {
            getLog().info("Applied " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        var seeded = result.seeded();
        getLog().info("Seeded " + seeded.insertedCount() + (seeded.insertedCount() == 1 ? " object" : " objects")
                + (seeded.inserted().isEmpty() ? "" : " (" + seeded.inserted().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")")
                + (seeded.skipped().isEmpty() ? "" : "; skipped " + seeded.skipped().size() + " that exist already")
                + " in " + seeded.elapsed().toMillis() + " ms.");
    }

    private ExistingRows existingRows() {
        String value = option("existing", existing);
        if (value == null) {
            return ExistingRows.SKIP;
        }
        try {
            return ExistingRows.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GenException("existing (gen.existing) takes skip or refuse, not " + value + ".",
                    ExitCodes.USAGE);
        }
    }
}
