package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.Migrations;
import dev.gen.run.MigrationState;
import dev.gen.run.MigrationStatus;
import dev.gen.run.RunOptions;
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
        List<MigrationStatus> statuses = Migrations.status(common.resolve(), RunOptions.defaults());
        PrintWriter out = spec.commandLine().getOut();
        if (statuses.isEmpty()) {
            out.println("No migrations.");
        }
        boolean trouble = false;
        // With several locations, each line says which one the migration comes from.
        boolean several = statuses.stream().map(MigrationStatus::location).filter(java.util.Objects::nonNull)
                .distinct().count() > 1;
        for (MigrationStatus status : statuses) {
            String mark = status.state() == MigrationState.APPLIED ? "[X]" : status.state() == MigrationState.PENDING ? "[ ]" : "[!]";
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
            trouble |= status.state() != MigrationState.APPLIED && status.state() != MigrationState.PENDING;
            out.println(mark + " " + status.id() + "  " + detail
                    + (several && status.location() != null ? "  (" + status.location() + ")" : ""));
        }
        return trouble ? ExitCodes.MIGRATIONS : ExitCodes.OK;
    }
}
