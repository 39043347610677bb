package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.MigrationCommands;
import dev.gen.core.RunSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:revert", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Run down of the last applied migration and remove its history row, atomically.")
final class RevertCommand implements Callable<Integer> {

    @Option(names = "--count", paramLabel = "<n>", defaultValue = "1", description = "Revert the last n (default 1).")
    int count;

    @Option(names = "--to", paramLabel = "<version-or-name>",
            description = "Revert every migration applied after this version (it stays applied).")
    String target;

    @Mixin
    RunOptionsMixin runOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count " + count + " reverts nothing: give a count of at least 1, e.g. --count 2.");
        }
        if (target != null && spec.commandLine().getParseResult().hasMatchedOption("--count")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count and --to both choose what to revert: give only one of them.");
        }
        RunSettings settings = runOptions.settings();
        List<MigrationCommands.Executed> reverted = target != null
                ? MigrationCommands.revertTo(common.resolve(), settings, MigrationRef.version(target))
                : MigrationCommands.revert(common.resolve(), settings, count);
        PrintWriter out = spec.commandLine().getOut();
        if (reverted.isEmpty()) {
            out.println("Nothing to revert: no migration is applied.");
        }
        for (MigrationCommands.Executed migration : reverted) {
            out.println("Reverted " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        return ExitCodes.OK;
    }
}
