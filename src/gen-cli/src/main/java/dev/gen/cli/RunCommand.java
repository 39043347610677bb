package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.MigrationCommands;
import dev.gen.core.RunSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Compile the migrations directory and apply the pending migrations in order.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--out-of-order", description = "Apply pending migrations older than the last applied one.")
    boolean outOfOrder;

    @Option(names = "--fake", description = "Record pending migrations as applied without running them.")
    boolean fake;

    @Option(names = "--to", paramLabel = "<version-or-name>", description = "Apply only up to this version.")
    String target;

    @Mixin
    RunOptionsMixin runOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunSettings settings = runOptions.settings().withOutOfOrder(outOfOrder).withFake(fake)
                .withTarget(MigrationRef.version(target));
        MigrationCommands.Applied result = MigrationCommands.run(common.resolve(), settings);
        PrintWriter out = spec.commandLine().getOut();
        if (result.migrations().isEmpty()) {
            out.println("No pending migrations: the database is up to date.");
        }
        for (MigrationCommands.Executed migration : result.migrations()) {
            out.println((result.recordedOnly() ? "Recorded " : "Applied ") + migration.id()
                    + (result.recordedOnly() ? "" : " (" + migration.executionMs() + " ms)"));
        }
        return ExitCodes.OK;
    }
}
