package dev.gen.cli;

import dev.gen.core.ConfigResolver;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --shadow-url}, for the commands that work in a shadow database. */
public final class ShadowOptions {

    @Option(names = "--shadow-url", paramLabel = "<jdbc-url>",
            description = "Create the shadow database on this server instead of the target's; the URL names a"
                    + " database to connect to for CREATE DATABASE (GEN_SHADOW_URL, shadow-url=).")
    String shadowUrl;

    /** The flag, then GEN_SHADOW_URL, then shadow-url in the properties file; null for the target's server. */
    String resolve(CommonOptions common) {
        return ConfigResolver.setting("shadow-url", shadowUrl, System.getenv(), common.config,
                Path.of("").toAbsolutePath());
    }
}
