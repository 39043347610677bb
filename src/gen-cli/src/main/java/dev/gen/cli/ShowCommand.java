package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.MigrationCommands;
import dev.gen.core.MigrationCommands.State;
import dev.gen.core.MigrationCommands.Status;
import dev.gen.core.RunSettings;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:show", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List every migration as applied (with when), pending or in trouble.")
final class ShowCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Status> statuses = MigrationCommands.status(common.resolve(), RunSettings.defaults());
        PrintWriter out = spec.commandLine().getOut();
        if (statuses.isEmpty()) {
            out.println("No migrations.");
        }
        boolean trouble = false;
        // With several locations, each line says which one the migration comes from.
        boolean several = statuses.stream().map(Status::location).filter(java.util.Objects::nonNull)
                .distinct().count() > 1;
        for (Status status : statuses) {
            String mark = status.state() == State.APPLIED ? "[X]" : status.state() == State.PENDING ? "[ ]" : "[!]";
            String detail = switch (status.state()) {
                case APPLIED -> "applied " + WHEN.format(status.appliedAt());
                case PENDING -> "pending";
                case OUT_OF_ORDER -> "pending, older than the last applied migration (run with --out-of-order)";
                case CHECKSUM_MISMATCH -> "applied " + WHEN.format(status.appliedAt())
                        + ", but its source has changed since";
                case MISSING -> "applied " + (status.appliedAt() == null ? "" : WHEN.format(status.appliedAt()))
                        + ", but its source is missing";
                case FAILED -> "FAILED part-way; fix the database, then run gen migration:repair";
            };
            trouble |= status.state() != State.APPLIED && status.state() != State.PENDING;
            out.println(mark + " " + status.id() + "  " + detail
                    + (several && status.location() != null ? "  (" + status.location() + ")" : ""));
        }
        return trouble ? ExitCodes.MIGRATIONS : ExitCodes.OK;
    }
}
