package dev.gen.maven;

import dev.gen.core.ChangeSummary;
import dev.gen.core.GenerateResult;
import org.apache.maven.plugin.logging.Log;

/** The console lines of the goals, as the command line prints them. */
final class Reports {

    private Reports() {
    }

    static void warnings(Log log, GenerateResult result) {
        result.warnings().forEach(warning -> log.warn("gen: " + warning));
    }

    static String changes(GenerateResult result) {
        return String.join("\n", ChangeSummary.lines(result.plan()));
    }

    static void changes(Log log, GenerateResult result) {
        ChangeSummary.lines(result.plan()).forEach(log::info);
    }
}
