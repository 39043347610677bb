package dev.gen.cli;

import dev.gen.core.Generator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --no-cache}, for the commands that build the desired schema, and where the cache lives. */
final class CacheOption {

    @Option(names = "--no-cache",
            description = "Rebuild the desired schema with Hibernate even if the entities and settings are unchanged"
                    + " since the last run (the cache lives in .gen-cache/).")
    boolean noCache;

    /** The cache's directory, or null with {@code --no-cache}. */
    Path directory() {
        return noCache ? null : Path.of(Generator.CACHE_DIRECTORY);
    }
}
