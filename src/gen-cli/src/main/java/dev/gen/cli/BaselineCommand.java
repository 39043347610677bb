package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.MigrationCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:baseline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Mark every migration up to this version as applied without running it (adopting a database).")
final class BaselineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<version>", description = "The 14-digit version, e.g. 20261121223000.")
    String version;

    @Mixin
    RunOptionsMixin runOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationCommands.Applied result = MigrationCommands.baseline(common.resolve(), runOptions.settings(),
                MigrationRef.version(version));
        result.migrations().forEach(m -> spec.commandLine().getOut().println("Recorded " + m.id()));
        return ExitCodes.OK;
    }
}
