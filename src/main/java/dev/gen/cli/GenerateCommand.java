package dev.gen.cli;

import dev.gen.api.ExitCodes;
import dev.gen.api.GenConfig;
import dev.gen.api.GenerateRequest;
import dev.gen.api.GenerateResult;
import dev.gen.api.Generator;
import dev.gen.diff.DiffOptions;
import dev.gen.model.QualifiedName;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migration:generate", sortOptions = false,
        description = "Diff the entities against the database and write a migration with up and down.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<Name>",
            description = "Name of the migration, e.g. UserChanged (letters and digits). Not needed with --check.")
    String name;

    @Option(names = "--check", description = "Write nothing; exit 1 and list the changes if there are any, 0 if none.")
    boolean check;

    @Option(names = "--dry-run", description = "Print the migration's Java source instead of writing it.")
    boolean dryRun;

    @Option(names = {"-t", "--timestamp"}, paramLabel = "<epoch-millis>", description = "Pin the migration's timestamp.")
    Long timestamp;

    @Option(names = "--allow-destructive", description = "Allow dropping tables and columns and narrowing types.")
    boolean allowDestructive;

    @Option(names = "--rename", paramLabel = "<table.old=new>", description = "A column was renamed (repeatable).")
    List<String> renames = new ArrayList<>();

    @Option(names = "--rename-table", paramLabel = "<old=new>", description = "A table was renamed (repeatable).")
    List<String> tableRenames = new ArrayList<>();

    @Option(names = "--backfill", paramLabel = "<table.column=SQL>",
            description = "Fill existing rows of a new NOT NULL column with this expression (repeatable).")
    List<String> backfills = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "<glob>", description = "Leave matching tables alone (repeatable).")
    List<String> excludeTables = new ArrayList<>();

    @Option(names = "--online", description = "Online-safe DDL: concurrent indexes, outside a transaction.")
    boolean online;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!check && (name == null || name.isBlank())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing the migration's name: gen migration:generate <Name> (for example UserChanged).");
        }
        if (!excludeTables.isEmpty()) {
            common.set("exclude-table", String.join(",", excludeTables));
        }
        if (online) {
            common.set("online", "true");
        }
        GenConfig config = common.resolve();
        GenerateRequest.Mode mode = check ? GenerateRequest.Mode.CHECK
                : dryRun ? GenerateRequest.Mode.DRY_RUN : GenerateRequest.Mode.WRITE;
        GenerateRequest request = new GenerateRequest(name == null ? "Check" : name, mode, timestamp,
                allowDestructive, renames(config), pairs(backfills, "--backfill"), null);
        GenerateResult result = Generator.generate(config, request);
        PrintWriter out = spec.commandLine().getOut();
        if (!result.hasChanges()) {
            out.println("No changes: the database matches the entities.");
            return ExitCodes.OK;
        }
        if (mode == GenerateRequest.Mode.DRY_RUN) {
            out.print(result.source());
            out.flush();
            return ExitCodes.OK;
        }
        Summary.print(out, result.plan());
        if (mode == GenerateRequest.Mode.CHECK) {
            out.println("The entities and the database differ: run gen migration:generate <Name> to write a migration.");
            return ExitCodes.PENDING_CHANGES;
        }
        out.println("Wrote " + result.file());
        return ExitCodes.OK;
    }

    private DiffOptions renames(GenConfig config) {
        Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>();
        pairs(tableRenames, "--rename-table").forEach((from, to) ->
                tables.put(qualify(from, config), qualify(to, config)));
        Map<QualifiedName, Map<String, String>> columns = new HashMap<>();
        pairs(renames, "--rename").forEach((from, to) -> {
            int dot = from.lastIndexOf('.');
            if (dot <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--rename " + from + "=" + to + " must name the table: --rename users.nick=nickname");
            }
            QualifiedName table = qualify(from.substring(0, dot), config);
            table = tables.getOrDefault(table, table);
            columns.computeIfAbsent(table, t -> new HashMap<>()).put(from.substring(dot + 1), to);
        });
        return new DiffOptions(tables, columns);
    }

    private static QualifiedName qualify(String table, GenConfig config) {
        int dot = table.indexOf('.');
        return dot < 0 ? QualifiedName.of(config.defaultSchema(), table)
                : QualifiedName.of(table.substring(0, dot), table.substring(dot + 1));
    }

    private Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        option + " " + value + " is not of the form <from>=<to>.");
            }
            result.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return result;
    }
}
