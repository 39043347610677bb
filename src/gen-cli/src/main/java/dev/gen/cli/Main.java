package dev.gen.cli;

import dev.gen.core.ExitCodes;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code gen} command line: a thin layer over the façade, {@link dev.gen.core}. */
public final class Main {

    // Held strongly so that the level set here is not lost when the logger is collected.
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs one command with its output captured, as tests and embedding tools need. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
        if (!verbose) {
            // Hibernate reports its boot at INFO and WARN; gen's own messages say what matters.
            HIBERNATE_LOG.setLevel(Level.SEVERE);
        }
        CommandLine commandLine = new CommandLine(new GenCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            int code = exitCode(e);
            cmd.getErr().println("gen: " + dev.gen.core.Printable.of(message(e)));
            if (verbose || code == ExitCodes.INTERNAL) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return code;
        });
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExitCodeExceptionMapper(Main::exitCode);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("gen: out of memory (" + e.getMessage() + "). The entity model needs a larger Java heap than"
                    + " this JVM has: run gen with more, for example GEN_JAVA_OPTS=\"-Xmx2g\" ./gen ... (or"
                    + " -Xmx in jvm.options).");
            err.flush();
            return ExitCodes.OUT_OF_MEMORY;
        } catch (Error e) {
            // picocli hands only exceptions to the handler above; an Error must not end the JVM with exit 1,
            // which CI reads as "changes without a migration"
            err.println("gen: unexpected failure (" + dev.gen.core.Printable.of(String.valueOf(e)) + "). This is a"
                    + " bug in gen; please report it with the stack trace below.");
            e.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * A usage error: one line naming it (without any password typed on the command line), picocli's suggestions for
     * a mistyped command or option, then the usage of the command it concerns; exit 2.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        boolean password = java.util.Arrays.stream(args)
                .anyMatch(a -> a.equals("--password") || a.startsWith("--password="));
        if (password) {
            err.println("gen: --password is not an option: gen never takes a password from a flag's value, which other"
                    + " users of the machine could read. Use --password-env <VAR>, --password-file <path>, GEN_PASSWORD"
                    + " or password= in gen.properties.");
        } else {
            err.println("gen: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println();
        command.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.of(e);
    }

    private static String message(Throwable e) {
        if (exitCode(e) == ExitCodes.INTERNAL) {
            return "unexpected failure (" + e + "). This is a bug in gen; please report it with the stack trace below.";
        }
        return e.getMessage();
    }
}
