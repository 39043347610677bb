package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Migrations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:create", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Write a blank migration to fill in by hand.")
final class CreateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<Name>", description = "Name of the migration, e.g. SeedRoles.")
    String name;

    @Option(names = {"-t", "--timestamp"}, paramLabel = "<epoch-millis>", description = "Pin the migration's timestamp.")
    Long timestamp;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = Migrations.create(common.resolveWithoutDatabase(), name, timestamp, null);
        spec.commandLine().getOut().println("Wrote " + file);
        return ExitCodes.OK;
    }
}
