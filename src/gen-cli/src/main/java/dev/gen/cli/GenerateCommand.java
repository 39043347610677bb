package dev.gen.cli;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Printable;
import dev.gen.core.RenameResolver;
import dev.gen.core.Renames;
import dev.gen.core.Shadow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

@Command(name = "migration:generate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Diff the entities against the database and write a migration with up and down.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<Name>",
            description = "Name of the migration, e.g. UserChanged (letters and digits). Not needed with --check.")
    String name;

    @Option(names = "--check", description = "Write nothing; exit 1 and list the changes if there are any (with the"
            + " guard's verdict on each), 0 if none.")
    boolean check;

    @Option(names = "--dry-run", description = "Print the migration's Java source instead of writing it.")
    boolean dryRun;

    @Option(names = {"-t", "--timestamp"}, paramLabel = "<epoch-millis>", description = "Pin the migration's timestamp.")
    Long timestamp;

    @Option(names = "--allow-destructive", description = "Allow dropping tables and columns and narrowing types.")
    boolean allowDestructive;

    @Option(names = "--allow-pending", description = "Generate although migrations in --dir have not run on the"
            + " database (the new one may repeat their changes).")
    boolean allowPending;

    @Option(names = "--rename", paramLabel = "<table.old=new>", description = "A column was renamed (repeatable).")
    List<String> renames = new ArrayList<>();

    @Option(names = "--rename-table", paramLabel = "<old=new>", description = "A table was renamed (repeatable).")
    List<String> tableRenames = new ArrayList<>();

    @Option(names = "--rename-enum-value", paramLabel = "<type.old=new>",
            description = "A label of a PostgreSQL enum type (NAMED_ENUM) was renamed (repeatable).")
    List<String> enumValueRenames = new ArrayList<>();

    @Option(names = "--backfill", paramLabel = "<table.column=SQL>",
            description = "Fill existing rows of a new NOT NULL column with this expression (repeatable).")
    List<String> backfills = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "<glob>", description = "Leave matching tables alone (repeatable).")
    List<String> excludeTables = new ArrayList<>();

    @Option(names = "--exclude-service", paramLabel = "<provider-class>",
            description = "Do not let Hibernate load this service provider from the entity classpath (repeatable).")
    List<String> excludeServices = new ArrayList<>();

    @Option(names = "--online", description = "Online-safe DDL on existing tables: indexes CONCURRENTLY, constraints"
            + " NOT VALID then VALIDATE, NOT NULL through a validated check; the migration runs outside a transaction"
            + " (also online=true in gen.properties).")
    boolean online;

    @Option(names = "--large-table-rows", paramLabel = "<rows>",
            description = "Mark hazards on tables with at least this many estimated rows large-table (default 1M;"
                    + " also large-table-rows=).")
    String largeTableRows;

    @Option(names = "--large-table-bytes", paramLabel = "<size>",
            description = "... or of at least this size on disk, e.g. 512MB (default 1GB; also large-table-bytes=).")
    String largeTableBytes;

    @Option(names = "--format", paramLabel = "<text|json>", defaultValue = "text",
            description = "Output: text (a summary) or json (the changes with hazards and statements). Default: text.")
    String format;

    @Mixin
    CacheOption cache;

    @Option(names = "--timings", hidden = true,
            description = "Print the time of each phase and the introspection's round trips to stderr (also GEN_TIMINGS=1).")
    boolean timings;

    @Option(names = "--from-history", description = "Diff against what the migrations directory builds, replayed in"
            + " a shadow database, instead of against the target database as it is.")
    boolean fromHistory;

    @Mixin
    ShadowOptions shadow;

    @Mixin
    CommonOptions common;

    /** For the hint after a run against the embedded server. */
    private boolean lastResultHadNoChanges;

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
        if (largeTableRows != null) {
            common.set("large-table-rows", largeTableRows);
        }
        if (largeTableBytes != null) {
            common.set("large-table-bytes", largeTableBytes);
        }
        if (!excludeServices.isEmpty()) {
            common.set("exclude-service", String.join(",", excludeServices));
        }
        boolean json = Formats.json(spec, format);
        GenConfig config = common.resolveWithoutDatabase();
        if (common.verbose) {
            config.describeSettings().forEach(line -> spec.commandLine().getErr().println("gen: setting " + line));
        }
        if (config.url() == null) {
            try (EmbeddedHistory history = EmbeddedHistory.start(config, spec.commandLine().getErr())) {
                int status = generate(history.config(), json);
                if (status == ExitCodes.OK && !json && history.replayedAny() && lastResultHadNoChanges) {
                    spec.commandLine().getErr().println("gen: the migrations in " + config.migrationsDir()
                            + " already build what the entities map; to see a migration from scratch, give --dir an"
                            + " empty directory.");
                }
                return status;
            }
        }
        return generate(config, json);
    }

    private int generate(GenConfig config, boolean json) {
        GenerateRequest.Mode mode = check ? GenerateRequest.Mode.CHECK
                : dryRun ? GenerateRequest.Mode.DRY_RUN : GenerateRequest.Mode.WRITE;
        GenerateRequest asked = GenerateRequest.of(name == null ? "Check" : name, mode, timestamp,
                allowDestructive, null, null).withRenames(renames(), config)
                .withBackfills(pairs(backfills, "--backfill")).withRenameResolver(RenameResolver.forTerminal());
        GenerateRequest request = allowPending ? asked.allowingPending() : asked;
        Path cache = this.cache.directory();
        GenerateResult result = fromHistory
                ? EmbeddedShadow.withFallback(config, shadow.resolve(common), spec.commandLine().getErr(),
                        url -> Shadow.generateFromHistory(config, request, cache, url))
                : Generator.generate(config, request, cache);
        result.warnings().forEach(warning -> spec.commandLine().getErr().println("gen: warning: "
                + Printable.of(warning)));
        if (timings || "1".equals(System.getenv("GEN_TIMINGS"))) {
            printTimings(result);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json && mode != GenerateRequest.Mode.DRY_RUN) {
            String file = result.file() == null ? null : result.file().toString();
            String migration = result.file() == null ? name
                    : result.file().getFileName().toString().replaceFirst("\\.java$", "");
            out.print(result.jsonReport(migration, file));
            out.flush();
            return mode == GenerateRequest.Mode.CHECK && result.hasChanges() ? ExitCodes.PENDING_CHANGES : ExitCodes.OK;
        }
        lastResultHadNoChanges = !result.hasChanges();
        if (!result.hasChanges()) {
            out.println("No changes: the database matches the entities.");
            return ExitCodes.OK;
        }
        if (mode == GenerateRequest.Mode.DRY_RUN) {
            out.print(result.source());
            out.flush();
            return ExitCodes.OK;
        }
        result.summaryLines().forEach(out::println);
        if (mode == GenerateRequest.Mode.CHECK) {
            out.println("The entities and the database differ: run gen migration:generate <Name> to write a migration.");
            if (!result.refusals().isEmpty()) {
                out.println(result.refusals().size() + (result.refusals().size() == 1 ? " change is" : " changes are")
                        + " refused by the guard: migration:generate writes nothing (exit 3) without the flag"
                        + " named at each.");
            }
            return ExitCodes.PENDING_CHANGES;
        }
        result.writtenLines().forEach(out::println);
        return ExitCodes.OK;
    }

    /** One line for the benchmark: {@code gen-timings: phase=ms ... introspection-round-trips=n steps=n}. */
    private void printTimings(GenerateResult result) {
        StringBuilder line = new StringBuilder("gen-timings:");
        result.timings().asMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(phase -> line.append(' ').append(phase.getKey()).append('=').append(phase.getValue()));
        line.append(" introspection-round-trips=").append(result.introspectionQueries());
        line.append(" steps=").append(result.changeCount());
        ProcessHandle.current().info().startInstant().ifPresent(started ->
                line.append(" since-jvm-start=").append(Duration.between(started, Instant.now()).toMillis()));
        PrintWriter err = spec.commandLine().getErr();
        err.println(line);
        err.flush();
    }

    /** The confirmed renames as written; the table of a column or label must be named. */
    private Renames renames() {
        Map<String, String> tables = pairs(tableRenames, "--rename-table");
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        pairs(renames, "--rename").forEach((from, to) -> {
            int dot = from.lastIndexOf('.');
            if (dot <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--rename " + from + "=" + to + " must name the table: --rename users.nick=nickname");
            }
            columns.computeIfAbsent(from.substring(0, dot), t -> new LinkedHashMap<>()).put(from.substring(dot + 1), to);
        });
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        pairs(enumValueRenames, "--rename-enum-value").forEach((from, to) -> {
            int dot = from.lastIndexOf('.');
            if (dot <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rename-enum-value " + from
                        + "=" + to + " must name the enum type: --rename-enum-value status.BANNED=BLOCKED");
            }
            labels.computeIfAbsent(from.substring(0, dot), t -> new LinkedHashMap<>()).put(from.substring(dot + 1), to);
        });
        return new Renames(tables, columns, labels);
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
