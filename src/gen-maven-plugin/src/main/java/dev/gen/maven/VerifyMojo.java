package dev.gen.maven;

import dev.gen.core.Shadow;
import dev.gen.core.shadow.VerifyReport;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn gen:verify}: checks migrations in a shadow database, as {@code gen migration:verify}: after the
 * history, up; the next generate finds nothing; down restores the schema; up runs again. Fails the build (exit 1)
 * when a step fails. Checks the migrations the target has not applied, or those named ({@code gen.migrations}).
 * The shadow database goes to the target's server, or to {@code gen.shadow-url}; unlike the command line, the
 * plugin brings no embedded server, so a target that refuses CREATE DATABASE needs a shadow URL.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class VerifyMojo extends GenMojo {

    /** Migrations to check, by class or file name or version, comma-separated ({@code gen.migrations}). */
    @Parameter
    List<String> migrations;

    /** Server for the shadow database instead of the target's ({@code gen.shadow-url}, GEN_SHADOW_URL). */
    @Parameter
    String shadowUrl;

    @Override
    void run() throws MojoFailureException {
        String named = option("migrations", migrations == null ? null : String.join(",", migrations));
        List<String> names = named == null || named.isBlank() ? List.of()
                : Arrays.stream(named.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        VerifyReport report = Shadow.verify(config(true), names, cacheDirectory(), shadowUrl());
        if (report.checks().isEmpty()) {
            getLog().info("Nothing to verify: the target has applied every migration (name some to check them).");
            return;
        }
        for (VerifyReport.MigrationCheck check : report.checks()) {
            getLog().info(check.migration() + (check.passed() ? ": passed" : ": FAILED"));
            for (VerifyReport.StepResult step : check.steps()) {
                String line = String.format("  %-9s %s", step.step().label(), switch (step.outcome()) {
                    case PASSED -> "ok (" + step.step().meaning() + ")";
                    case FAILED -> "FAILED: " + step.step().meaning() + " does not hold";
                    case SKIPPED -> "skipped: " + step.details().get(0);
                });
                if (step.outcome() == VerifyReport.Outcome.FAILED) {
                    getLog().error(line);
                    step.details().forEach(detail -> getLog().error("            - " + detail));
                } else {
                    getLog().info(line);
                }
            }
        }
        if (!report.passed()) {
            throw new MojoFailureException("gen (exit 1): verification failed"
                    + (report.unchecked().isEmpty() ? "" : "; not checked after the failure: "
                    + String.join(", ", report.unchecked())) + ". Fix the migration named above (or regenerate it),"
                    + " then run mvn gen:verify again.");
        }
        getLog().info("Verified " + report.checks().size() + " migration" + (report.checks().size() == 1 ? "" : "s")
                + " in a shadow database.");
    }

    /** {@code -Dgen.shadow-url}, then the pom, then GEN_SHADOW_URL and shadow-url in gen.properties. */
    private String shadowUrl() {
        String given = option("shadow-url", shadowUrl);
        return given != null ? given : dev.gen.core.ConfigResolver.setting("shadow-url", null, System.getenv(),
                configFile == null ? null : configFile.toPath(), project.getBasedir().toPath());
    }
}
