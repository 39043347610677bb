package dev.gen.cli;

import dev.gen.cache.ModelCache;
import dev.gen.core.ExitCodes;
import dev.gen.core.GenException;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.run.ExecutedMigration;
import dev.gen.run.RunOptions;
import dev.gen.seed.ExistingRows;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "seed", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Apply pending migrations, then insert the seed file through the entities, in one transaction.")
final class SeedCommand implements Callable<Integer> {

    @Option(names = "--file", paramLabel = "<json>", description = "The seed file (default: data/seed.json).")
    Path file;

    @Option(names = "--no-migrate", description = "Do not apply pending migrations first.")
    boolean noMigrate;

    @Option(names = "--existing", paramLabel = "skip|refuse",
            description = "Objects the database already holds: skip them (default) or refuse the whole run.")
    String existing;

    @Mixin
    RunOptionsMixin runOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SeedRequest request = new SeedRequest(file, !noMigrate, existingRows(),
                runOptions.apply(RunOptions.defaults()));
        SeedResult result = Seeder.seed(common.resolve(), request, ModelCache.in(Path.of(GenerateCommand.CACHE_DIRECTORY)));
        PrintWriter out = spec.commandLine().getOut();
        for (ExecutedMigration migration : result.migrations().applied()) {
            out.println("Applied " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        var seeded = result.seeded();
        out.println("Seeded " + seeded.insertedCount() + (seeded.insertedCount() == 1 ? " object" : " objects")
                + (seeded.inserted().isEmpty() ? "" : " (" + seeded.inserted().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "))
                        + ")")
                + (seeded.skipped().isEmpty() ? "" : "; skipped " + seeded.skipped().size() + " that exist already")
                + " in " + seeded.elapsed().toMillis() + " ms.");
        if (common.verbose) {
            seeded.skipped().forEach(line -> out.println("  skipped " + line));
        }
        return ExitCodes.OK;
    }

    private ExistingRows existingRows() {
        if (existing == null) {
            return ExistingRows.SKIP;
        }
        try {
            return ExistingRows.valueOf(existing.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GenException("--existing takes skip or refuse, not " + existing + ".", ExitCodes.USAGE);
        }
    }
}
