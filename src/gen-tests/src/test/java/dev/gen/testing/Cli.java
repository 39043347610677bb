package dev.gen.testing;

import dev.gen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs gen's command line in-process against a test database and captures what it prints. */
public final class Cli {

    private final TestDatabase database;
    private final List<String> common;

    public Cli(TestDatabase database, String... commonArgs) {
        this.database = database;
        this.common = List.of(commonArgs);
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", database.jdbcUrl(), "--user", database.user()));
        all.addAll(common);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with exactly these arguments, no database added. */
    public static Result runRaw(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
