package dev.gen.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The {@code --format text|json} option's one check. */
final class Formats {

    private Formats() {
    }

    /** True for json, false for text; anything else is a usage error. */
    static boolean json(CommandSpec spec, String format) {
        boolean json = "json".equalsIgnoreCase(format);
        if (!json && !"text".equalsIgnoreCase(format)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + " is not known: use text or json.");
        }
        return json;
    }
}
