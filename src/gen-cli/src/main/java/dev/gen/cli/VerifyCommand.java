package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.Json;
import dev.gen.core.Shadow;
import dev.gen.core.shadow.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = {"Check migrations in a shadow database: after the history, up; the next generate finds"
                + " nothing; down restores the schema; up runs again. Exit 1 when a step fails.",
                "Checks the migrations the target has not applied, or those named."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "<migration>",
            description = "Migrations to check, by class or file name or version (default: those not applied on the"
                    + " target).")
    List<String> names = new ArrayList<>();

    @Mixin
    FormatOption format;

    @Mixin
    CacheOption cache;

    @Mixin
    ShadowOptions shadow;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        GenConfig config = common.resolveWithoutDatabase();
        if (config.url() == null) {
            // Zero set-up: an empty target on an embedded server, so that every migration of the directory is
            // pending, and its shadow databases on the same server.
            spec.commandLine().getErr().println("gen: no database is configured (--url, GEN_URL or url= in"
                    + " gen.properties), so gen verifies the migrations of " + config.migrationsDir()
                    + " in shadow databases on an embedded PostgreSQL " + EmbeddedServer.MAJOR_VERSION + ".");
            try (EmbeddedServer server = EmbeddedServer.start()) {
                return verify(config.withConnection(server.createDatabase("gen_target"), server.user(), null), json);
            }
        }
        return verify(config, json);
    }

    private int verify(GenConfig config, boolean json) {
        Path cache = this.cache.directory();
        VerifyReport report = EmbeddedShadow.withFallback(config, shadow.resolve(common), spec.commandLine().getErr(),
                url -> Shadow.verify(config, names, cache, url));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(document(report)));
        } else {
            print(out, report);
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.PENDING_CHANGES;
    }

    private static void print(PrintWriter out, VerifyReport report) {
        if (report.checks().isEmpty()) {
            out.println("Nothing to verify: the target has applied every migration (name some to check them).");
            return;
        }
        for (VerifyReport.MigrationCheck check : report.checks()) {
            out.println(check.migration() + (check.passed() ? ": passed" : ": FAILED"));
            for (VerifyReport.StepResult step : check.steps()) {
                out.println(String.format("  %-9s %s", step.step().label(), switch (step.outcome()) {
                    case PASSED -> "ok (" + step.step().meaning() + ")";
                    case FAILED -> "FAILED: " + step.step().meaning() + " does not hold";
                    case SKIPPED -> "skipped: " + step.details().get(0);
                }));
                if (step.outcome() == VerifyReport.Outcome.FAILED) {
                    step.details().forEach(detail -> out.println("            - " + detail));
                }
            }
        }
        if (!report.unchecked().isEmpty()) {
            out.println("Not checked after the failure: " + String.join(", ", report.unchecked()));
        }
        out.println(report.passed() ? "Verified " + report.checks().size() + " migration"
                + (report.checks().size() == 1 ? "" : "s") + " in a shadow database." : "Verification failed.");
    }

    /** {@code {"passed", "migrations": [{"migration", "passed", "steps": [{"step", "outcome", "details"}]}], "unchecked"}}. */
    private static Map<String, Object> document(VerifyReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("passed", report.passed());
        List<Object> migrations = new ArrayList<>();
        for (VerifyReport.MigrationCheck check : report.checks()) {
            Map<String, Object> migration = new LinkedHashMap<>();
            migration.put("migration", check.migration());
            migration.put("passed", check.passed());
            List<Object> steps = new ArrayList<>();
            for (VerifyReport.StepResult step : check.steps()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("step", step.step().label());
                entry.put("outcome", step.outcome().name().toLowerCase(java.util.Locale.ROOT));
                entry.put("details", new ArrayList<Object>(step.details()));
                steps.add(entry);
            }
            migration.put("steps", steps);
            migrations.add(migration);
        }
        document.put("migrations", migrations);
        document.put("unchecked", new ArrayList<Object>(report.unchecked()));
        return document;
    }
}
