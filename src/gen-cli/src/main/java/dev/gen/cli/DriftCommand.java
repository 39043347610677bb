package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.Json;
import dev.gen.core.Shadow;
import dev.gen.core.shadow.Adopter;
import dev.gen.core.shadow.Drift;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:drift", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = {"Compare the target with what its applied migrations build, replayed in a shadow database."
                + " Exit 1 when they differ.",
                "With --adopt, write a migration that records the difference and mark it applied on the target"
                        + " without running it."})
final class DriftCommand implements Callable<Integer> {

    @Option(names = "--adopt", paramLabel = "<Name>",
            description = "Write migration <Name> whose up turns a database built from the history into the target,"
                    + " and record it as applied on the target (only its history row is written there).")
    String adopt;

    @Option(names = "--allow-destructive",
            description = "With --adopt: also adopt what the target lacks (a dropped index, column, constraint).")
    boolean allowDestructive;

    @Option(names = {"-t", "--timestamp"}, paramLabel = "<epoch-millis>",
            description = "With --adopt: pin the migration's timestamp.")
    Long timestamp;

    @Mixin
    FormatOption format;

    @Mixin
    ShadowOptions shadow;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        if (adopt == null && (allowDestructive || timestamp != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--allow-destructive and --timestamp only apply with --adopt <Name>.");
        }
        GenConfig config = common.resolve();
        String shadowUrl = shadow.resolve(common);
        PrintWriter out = spec.commandLine().getOut();
        if (adopt != null) {
            Adopter.Result result = EmbeddedShadow.withFallback(config, shadowUrl, spec.commandLine().getErr(),
                    url -> Shadow.adopt(config, adopt, timestamp, null, allowDestructive, url));
            if (json) {
                out.print(Json.write(document(result.report(), result.file() == null ? null : result.file().toString())));
            } else if (result.file() == null) {
                out.println("No drift: the target is what its applied migrations build; nothing to adopt.");
            } else {
                print(out, result.report());
                out.println("Wrote " + result.file() + " and recorded it as applied on the target (not run there).");
            }
            out.flush();
            return ExitCodes.OK;
        }
        Drift.Report report = EmbeddedShadow.withFallback(config, shadowUrl, spec.commandLine().getErr(),
                url -> Shadow.drift(config, url));
        if (json) {
            out.print(Json.write(document(report, null)));
        } else if (!report.drifted()) {
            out.println("No drift: the target is what its " + report.applied() + " applied migration"
                    + (report.applied() == 1 ? "" : "s") + " build.");
        } else {
            print(out, report);
            out.println("Record it with gen migration:drift --adopt <Name>, or undo it on the target.");
        }
        out.flush();
        return report.drifted() ? ExitCodes.PENDING_CHANGES : ExitCodes.OK;
    }

    private static void print(PrintWriter out, Drift.Report report) {
        out.println("The target differs from what its " + report.applied() + " applied migration"
                + (report.applied() == 1 ? "" : "s") + " build; to turn a database built from them into the target"
                + " would take " + report.entries().size() + (report.entries().size() == 1 ? " change:"
                : " changes:"));
        for (Drift.Difference difference : report.entries()) {
            out.println("  - " + difference.description() + (difference.destructive()
                    ? "  [the target lacks what the history built]" : ""));
        }
    }

    /** {@code {"drift", "applied", "adopted", "differences": [{"kind", "table", "description", "destructive"}]}}. */
    private static Map<String, Object> document(Drift.Report report, String adopted) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("drift", report.drifted());
        document.put("applied", report.applied());
        document.put("adopted", adopted);
        List<Object> differences = new ArrayList<>();
        for (Drift.Difference difference : report.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", difference.kind());
            entry.put("table", difference.table());
            entry.put("description", difference.description());
            entry.put("destructive", difference.destructive());
            differences.add(entry);
        }
        document.put("differences", differences);
        return document;
    }
}
