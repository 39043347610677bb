package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.run.RunResult;
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
        RunResult result = Migrations.baseline(common.resolve(), runOptions.apply(RunOptions.defaults()),
                MigrationRef.version(version));
        result.applied().forEach(m -> spec.commandLine().getOut().println("Recorded " + m.id()));
        return ExitCodes.OK;
    }
}
