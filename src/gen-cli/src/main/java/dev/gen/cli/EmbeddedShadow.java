package dev.gen.cli;

import dev.gen.core.GenConfig;
import dev.gen.core.Shadow;
import dev.gen.core.shadow.ShadowRefusedException;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * The shadow database's fallback: when the target's server refuses {@code CREATE DATABASE} and no
 * {@code --shadow-url} was given, the shadow goes to an embedded PostgreSQL instead, with a warning naming both
 * servers' major versions (a history replayed on another major version may differ in details the target's would
 * not). An explicit {@code --shadow-url} is never replaced.
 */
final class EmbeddedShadow {

    private EmbeddedShadow() {
    }

    /** Runs {@code action} with the configured shadow URL, or again on an embedded server when that is refused. */
    static <T> T withFallback(GenConfig target, String shadowUrl, PrintWriter err, Function<String, T> action) {
        try {
            return action.apply(shadowUrl);
        } catch (ShadowRefusedException refused) {
            if (shadowUrl != null && !shadowUrl.isBlank()) {
                throw refused;
            }
            int targetMajor = Shadow.serverMajorVersion(target);
            err.println("gen: warning: the target's server (PostgreSQL " + targetMajor + ") does not let "
                    + (target.user() == null ? "this user" : target.user()) + " create databases, so the shadow"
                    + " database goes to an embedded PostgreSQL " + EmbeddedServer.MAJOR_VERSION
                    + (targetMajor == EmbeddedServer.MAJOR_VERSION ? "" : ", another major version: catalog details"
                            + " may differ from the target's") + ". Give --shadow-url to choose the server.");
            err.flush();
            try (EmbeddedServer server = EmbeddedServer.start()) {
                return action.apply(server.createDatabase("gen_shadow_host") + "?user=" + server.user());
            }
        }
    }
}
