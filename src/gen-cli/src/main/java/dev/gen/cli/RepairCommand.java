package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Migrations;
import dev.gen.run.RepairResult;
import dev.gen.run.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:repair", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "After fixing the database by hand: forget failed runs and accept edited checksums.")
final class RepairCommand implements Callable<Integer> {

    @Mixin
    RunOptionsMixin runOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RepairResult result = Migrations.repair(common.resolve(), runOptions.apply(RunOptions.defaults()));
        result.removedFailed().forEach(id -> spec.commandLine().getOut().println("Removed failed record of " + id));
        result.realignedChecksums().forEach(id -> spec.commandLine().getOut().println("Accepted the checksum of " + id));
        if (result.removedFailed().isEmpty() && result.realignedChecksums().isEmpty()) {
            spec.commandLine().getOut().println("Nothing to repair.");
        }
        return ExitCodes.OK;
    }
}
