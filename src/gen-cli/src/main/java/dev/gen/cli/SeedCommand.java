package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Generator;
import dev.gen.core.MigrationCommands;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        SeedRequest request = SeedRequest.of(file, !noMigrate, "--existing", existing).with(runOptions.settings());
        SeedResult result = Seeder.seed(common.resolve(), request, Path.of(Generator.CACHE_DIRECTORY));
        PrintWriter out = spec.commandLine().getOut();
        for (MigrationCommands.Executed migration : result.applied()) {
            out.println("Applied " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        out.println(result.summary());
        if (common.verbose) {
            result.skipped().forEach(line -> out.println("  skipped " + line));
        }
        return ExitCodes.OK;
    }
}
