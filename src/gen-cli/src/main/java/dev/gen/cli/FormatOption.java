package dev.gen.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --format text|json} for the commands whose report has no more to say in json than in text. */
final class FormatOption {

    @Option(names = "--format", paramLabel = "<text|json>", defaultValue = "text",
            description = "Output: text or json. Default: text.")
    String format;

    /** True for json, false for text; anything else is a usage error of {@code spec}'s command. */
    boolean json(CommandSpec spec) {
        return Formats.json(spec, format);
    }
}
