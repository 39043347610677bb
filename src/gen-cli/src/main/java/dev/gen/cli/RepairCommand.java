package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.MigrationCommands;
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
        MigrationCommands.Repaired result = MigrationCommands.repair(common.resolve(), runOptions.settings());
        result.removedFailed().forEach(id -> spec.commandLine().getOut().println("Removed failed record of " + id));
        result.acceptedChecksums().forEach(id -> spec.commandLine().getOut().println("Accepted the checksum of " + id));
        if (result.removedFailed().isEmpty() && result.acceptedChecksums().isEmpty()) {
            spec.commandLine().getOut().println("Nothing to repair.");
        }
        return ExitCodes.OK;
    }
}
