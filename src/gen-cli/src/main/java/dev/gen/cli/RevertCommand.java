package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Migrations;
import dev.gen.run.ExecutedMigration;
import dev.gen.run.RevertResult;
import dev.gen.run.RunOptions;
import java.io.PrintWriter;
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
        RunOptions options = runOptions.apply(RunOptions.defaults());
        RevertResult result = target != null
                ? Migrations.revertTo(common.resolve(), options, MigrationRef.version(target))
                : Migrations.revert(common.resolve(), options, count);
        PrintWriter out = spec.commandLine().getOut();
        if (result.reverted().isEmpty()) {
            out.println("Nothing to revert: no migration is applied.");
        }
        for (ExecutedMigration migration : result.reverted()) {
            out.println("Reverted " + migration.id() + " (" + migration.executionMs() + " ms)");
        }
        return ExitCodes.OK;
    }
}
