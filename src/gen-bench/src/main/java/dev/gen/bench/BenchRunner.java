package dev.gen.bench;

import dev.gen.netproxy.LatencyProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: for each model size, a database built by Hibernate's own schema export (up to date) and an
 * empty one; then, every run as a separate JVM under {@code /usr/bin/time} (wall time, peak resident memory),
 * interleaved round by round: gen's {@code --check} cold ({@code --no-cache}) and warm (cache primed) on the
 * up-to-date database, gen's {@code migration:generate} cold on the empty one, Hibernate's update-script
 * generation on both, Hibernate's validator and Liquibase's diffChangeLog (Hibernate extension) on the
 * up-to-date one. Then every run again (one round by default, {@code --network-rounds}) through a loopback proxy that
 * delays each direction by {@code --delay-ms} (default 10; 0 leaves it out) and counts each process's round trips
 * on the wire. Writes the medians into BENCHMARKS.md between markers, leaving the rest of the file alone.
 *
 * <p>{@code java -cp <bench classpath> dev.gen.bench.BenchRunner --gen-jar src/gen-cli/target/gen.jar [--sizes 10,100,1000,2000]
 * [--out BENCHMARKS.md] [--work /tmp/gen-bench] [--url jdbc:postgresql://127.0.0.1:5432/] [--user postgres]}
 */
public final class BenchRunner {

    private static final String BEGIN = "<!-- bench:begin (written by bench/run.sh; edits here are overwritten) -->";
    private static final String END = "<!-- bench:end -->";
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z-]+)=(\"[^\"]*\"|\\S+)");

    private final Map<String, String> options;
    private final Path work;
    private final String baseUrl;
    private final String user;
    private final Path genJar;
    /** JVM options for every measured process, gen's and the peers' alike (the launcher's jvm.options). */
    private final List<String> javaOptions;
    private final Path launcher;
    private final String benchClasspath = System.getProperty("java.class.path");
    private final boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));
    private final StringBuilder log = new StringBuilder();
    /** Delay of the network scenario's proxy in each direction; 0 leaves the scenario out. */
    private final int delayMs;
    /** A peer's (and every run's) time limit in seconds. */
    private final int peerLimitSeconds;

    private BenchRunner(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work", "/tmp/gen-bench")).toAbsolutePath();
        this.baseUrl = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/");
        this.user = options.getOrDefault("user", "postgres");
        this.genJar = Path.of(options.getOrDefault("gen-jar", "src/gen-cli/target/gen.jar")).toAbsolutePath();
        String javaOpts = options.getOrDefault("java-opts", "").trim();
        this.javaOptions = javaOpts.isEmpty() ? List.of() : List.of(javaOpts.split("\\s+"));
        this.launcher = options.containsKey("gen-launcher") ? Path.of(options.get("gen-launcher")).toAbsolutePath() : null;
        this.delayMs = Integer.parseInt(options.getOrDefault("delay-ms", "10"));
        this.peerLimitSeconds = Integer.parseInt(options.getOrDefault("peer-limit-seconds", "600"));
    }

    /** One process run. */
    record Run(double seconds, long peakKb, int exitCode, boolean timedOut, Map<String, String> values, String firstLine) {
    }

    /** A scenario: what runs, against which database. */
    record Scenario(String name, String label, boolean full, Function<Integer, List<String>> command) {
    }

    /** The runs of one size: on the database directly, and through the delaying proxy (empty without one). */
    record SizeRuns(Map<String, List<Run>> local, Map<String, List<Run>> network) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new BenchRunner(options).run();
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(genJar)) {
            throw new IllegalStateException(genJar + " is missing: run mvn -DskipTests package first");
        }
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "10,100,1000,2000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Files.createDirectories(work);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        long started = System.nanoTime();

        StringBuilder report = new StringBuilder();
        report.append(header(loadBefore));
        report.append(startup());

        StringBuilder results = new StringBuilder();
        StringBuilder ratios = new StringBuilder();
        StringBuilder phases = new StringBuilder();
        Network network = new Network();
        for (int n : sizes) {
            say("== N = " + n);
            SizeRuns runs = size(n, seed);
            appendResults(results, ratios, phases, n, runs.local(), WIRE_ROUND_TRIPS);
            if (!runs.network().isEmpty()) {
                appendResults(network.results, network.ratios, network.phases, n, runs.network(), WIRE_ROUND_TRIPS);
            }
            // after every size, so that an interrupted run keeps what it measured
            write(Path.of(options.getOrDefault("out", "BENCHMARKS.md")),
                    report(report, results, ratios, phases, network, loadBefore, started));
        }
        say("wrote " + options.getOrDefault("out", "BENCHMARKS.md"));
    }

    /** The tables of the network scenario. */
    private static final class Network {
        final StringBuilder results = new StringBuilder();
        final StringBuilder ratios = new StringBuilder();
        final StringBuilder phases = new StringBuilder();
    }

    private static final String WIRE_ROUND_TRIPS = "wire-round-trips";

    private String report(StringBuilder head, StringBuilder results, StringBuilder ratios, StringBuilder phases,
            Network network, String loadBefore, long started) throws IOException {
        StringBuilder report = new StringBuilder(head);
        report.append("""

                ### Results (medians; wall = whole process, separate JVM each run)

                | N | tables | what | runs | wall s | peak RSS MB | round trips (wire) | statements / change sets | outcome |
                |---:|---:|---|---:|---:|---:|---:|---:|---|
                """).append(results);
        report.append("""

                Round trips, for every tool: each whole command's, counted on the wire by `gen-netproxy` with no delay
                between the tool and PostgreSQL (the times a process waited for the server; a pipelined batch is one,
                also when the server starts answering it before the tool has sent all of it; over all its connections,
                connection set-up included). `migration:run` of the Init migration ran
                directly (no count). Statements: gen's plan steps, Hibernate's script lines, Liquibase's change sets.

                """).append(String.format(Locale.ROOT, PEER_RULES, peerLimitSeconds, SLOW_PEER_SECONDS)).append("""

                ### Ratios (gen / peer, wall time of the whole process; below 1 means gen is faster)

                | N | gen --check cold / Hibernate update script | gen --check warm / Hibernate update script | gen --check cold / Hibernate validate | gen --check cold / Liquibase diff | gen generate (empty DB) / Hibernate update script (empty DB) |
                |---:|---:|---:|---:|---:|---:|
                """).append(ratios);
        report.append("""

                ### gen's phases (median ms, inside the process; introspection runs on a second thread while the desired schema is built)

                | N | run | phases | since JVM start |
                |---:|---|---|---:|
                """).append(phases);
        if (network.results.length() > 0) {
            report.append(String.format(Locale.ROOT, """

                    ### Through a network: every tool again, through a loopback proxy adding %d ms each way (%d ms a round trip)

                    Round trips here are counted on the wire by that proxy (`gen-netproxy`): the times a process waited
                    for PostgreSQL (a pipelined batch is one), over all its connections, connection set-up included.

                    | N | tables | what | runs | wall s | peak RSS MB | round trips (wire) | statements / change sets | outcome |
                    |---:|---:|---|---:|---:|---:|---:|---:|---|
                    """, delayMs, 2 * delayMs)).append(network.results);
            report.append("""

                    | N | gen --check cold / Hibernate update script | gen --check warm / Hibernate update script | gen --check cold / Hibernate validate | gen --check cold / Liquibase diff | gen generate (empty DB) / Hibernate update script (empty DB) |
                    |---:|---:|---:|---:|---:|---:|
                    """).append(network.ratios);
            report.append("""

                    | N | run | phases (ms, through the proxy) | since JVM start |
                    |---:|---|---|---:|
                    """).append(network.phases);
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        report.append("\nLoad average before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(". Whole benchmark so far: ").append(Math.round((System.nanoTime() - started) / 1e9)).append(" s.\n");
        return report.toString();
    }

    private SizeRuns size(int n, long seed) throws Exception {
        Path dir = work.resolve("n" + n);
        ModelGenerator.delete(dir);
        Path classes = dir.resolve("classes");
        List<String> entities = ModelGenerator.generate(n, seed, dir.resolve("src"), classes, benchClasspath);
        Path entityList = dir.resolve("entities.txt");
        // sorted, as gen's scanner and most classpath scanners hand classes to Hibernate; the order matters: Hibernate
        // writes a SINGLE_TABLE discriminator check's values in the order the subclasses were added
        Files.write(entityList, entities.stream().sorted().toList());
        String full = "gen_bench_" + n + "_full";
        String empty = "gen_bench_" + n + "_empty";
        recreate(full);
        recreate(empty);
        String fullUrl = baseUrl + full;
        String peerCp = benchClasspath + ":" + classes;
        Run export = process(dir, java("-cp", peerCp, Peers.class.getName(), "export", fullUrl, user,
                entityList.toString()), peerLimitSeconds);
        if (export.exitCode() != 0) {
            throw new IllegalStateException("Hibernate's schema export failed for N=" + n + "; see " + dir);
        }
        int tables = count(full, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'");
        say("   " + entities.size() + " entities, " + tables + " tables exported in " + export.seconds() + " s");

        Path generated = dir.resolve("generated");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Map<String, List<Run>> local;
        // Locally too, every tool connects through the proxy, without delay, so that the table counts each whole
        // command's round trips on the wire (connection set-up included), not what a tool says of itself.
        try (LatencyProxy counter = LatencyProxy.inFrontOf(baseUrl, Duration.ZERO)) {
            local = rounds(n, dir, classes, entityList, generated, counter.jdbcUrl(baseUrl), rounds,
                    counter, null);
        }
        Map<String, List<Run>> network = new LinkedHashMap<>();
        if (delayMs > 0) {
            // The proxy lives in this JVM and stops with it; the measured processes connect through it.
            try (LatencyProxy proxy = LatencyProxy.inFrontOf(baseUrl, Duration.ofMillis(delayMs))) {
                say("   through the proxy, " + delayMs + " ms each way");
                int networkRounds = Integer.parseInt(options.getOrDefault("network-rounds", "1"));
                network = rounds(n, dir, classes, entityList, generated, proxy.jdbcUrl(baseUrl), networkRounds,
                        proxy, local);
            }
        }
        initRun(n, dir, classes, empty, local);
        drop(full);
        drop(empty);
        Run meta = new Run(tables, entities.size(), 0, false, Map.of(), "");
        local.put("_meta", List.of(meta));
        if (!network.isEmpty()) {
            network.put("_meta", List.of(meta));
        }
        return new SizeRuns(local, network);
    }

    /**
     * Every scenario {@code rounds} times, interleaved, with the tools connecting to {@code toolBase}; with a
     * proxy, each run's round trips on the wire are added to its values. A peer (Hibernate's, Liquibase's runs) is
     * spared what cannot tell more (see {@link #PEER_RULES}): rerunning after it timed out, here or at a smaller N;
     * a second local round when its first took more than {@link #SLOW_PEER_SECONDS}; and, through the delaying proxy
     * ({@code measuredLocally} its runs without delay at this N), a run whose local round trips alone cost more delay
     * than the limit.
     */
    private Map<String, List<Run>> rounds(int n, Path dir, Path classes, Path entityList, Path generated,
            String toolBase, int rounds, LatencyProxy proxy,
            Map<String, List<Run>> measuredLocally) throws Exception {
        String fullUrl = toolBase + "gen_bench_" + n + "_full";
        String emptyUrl = toolBase + "gen_bench_" + n + "_empty";
        String peerCp = benchClasspath + ":" + classes;
        java.util.function.BiFunction<String, Path, List<String>> genIn = (url, migrations) -> concat(genCommand(),
                "migration:generate", "--url", url, "--user", user, "--classpath", classes.toString(), "--dir",
                migrations.toString(), "--timings");
        Function<String, List<String>> gen = url -> genIn.apply(url, generated);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("gen-check-cold", "gen --check, cold (--no-cache), up-to-date DB", true,
                r -> concat(gen.apply(fullUrl), "--check", "--no-cache")));
        scenarios.add(new Scenario("gen-check-warm", "gen --check, warm (cache hit), up-to-date DB", true,
                r -> concat(gen.apply(fullUrl), "--check")));
        scenarios.add(new Scenario("gen-generate", "gen migration:generate, cold, empty DB", false,
                // a directory of its own, emptied before each round: a migration written into the directory the
                // checks use would be pending there, and gen refuses to compare while migrations have not run
                r -> concat(genIn.apply(emptyUrl, dir.resolve("generate")), "Init", "--no-cache",
                        "--timestamp", Long.toString(1_700_000_000_000L + r))));
        List<String> peer = java("-cp", peerCp, Peers.class.getName());
        scenarios.add(new Scenario("hib-update", "Hibernate update script (SchemaUpdate, SCRIPT target), up-to-date DB",
                true, r -> concat(peer, "update-script", fullUrl, user, entityList.toString(), dir.resolve("update.sql").toString())));
        scenarios.add(new Scenario("hib-update-empty", "Hibernate update script, empty DB", false,
                r -> concat(peer, "update-script", emptyUrl, user, entityList.toString(), dir.resolve("update-empty.sql").toString())));
        scenarios.add(new Scenario("hib-validate", "Hibernate SchemaValidator, up-to-date DB", true,
                r -> concat(peer, "validate", fullUrl, user, entityList.toString())));
        scenarios.add(new Scenario("liquibase", "Liquibase diffChangeLog + liquibase-hibernate7, up-to-date DB", true,
                r -> concat(peer, "liquibase", fullUrl, user, entityList.toString(), dir.resolve("changelog.xml").toString())));

        // prime the cache for the warm runs (and warm the OS file cache for everyone)
        process(dir, scenarios.get(1).command().apply(0), peerLimitSeconds);
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        scenarios.forEach(s -> runs.put(s.name(), new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Scenario scenario : scenarios) {
                List<Run> earlier = runs.get(scenario.name());
                if (isPeer(scenario)) {
                    Integer timedOutAtN = timedOutAt.get(scenario.name());
                    if (timedOutAtN != null) {
                        if (earlier.isEmpty()) { // timed out at a smaller N, or locally at this N: one row says so
                            earlier.add(skipped(String.format(Locale.ROOT, "timed out at N=%d (limit %d s), not rerun",
                                    timedOutAtN, peerLimitSeconds)));
                            say("   " + scenario.name() + ": " + earlier.get(0).firstLine());
                        }
                        continue;
                    }
                    if (round == 1 && measuredLocally != null) {
                        long trips = localRoundTrips(measuredLocally.get(scenario.name()));
                        double latency = trips * 2.0 * delayMs / 1000;
                        if (latency >= peerLimitSeconds) {
                            earlier.add(skipped(String.format(Locale.ROOT,
                                    "skipped: ≥ %d s of latency alone (%d round trips measured locally × %d ms; limit %d s)",
                                    (long) Math.floor(latency), trips, 2 * delayMs, peerLimitSeconds)));
                            say("   " + scenario.name() + ": " + earlier.get(0).firstLine());
                        }
                    }
                    if (!earlier.isEmpty() && (isSkipped(earlier.get(0))
                            || measuredLocally == null && earlier.get(0).seconds() > SLOW_PEER_SECONDS)) {
                        continue;
                    }
                }
                if (scenario.name().equals("gen-generate")) {
                    ModelGenerator.delete(dir.resolve("generate"));
                }
                if (proxy != null) {
                    proxy.reset();
                }
                Run result = process(dir, scenario.command().apply(round), peerLimitSeconds);
                if (proxy != null) {
                    Map<String, String> values = new LinkedHashMap<>(result.values());
                    values.put(WIRE_ROUND_TRIPS, Long.toString(proxy.roundTrips()));
                    result = new Run(result.seconds(), result.peakKb(), result.exitCode(), result.timedOut(), values,
                            result.firstLine());
                }
                runs.get(scenario.name()).add(result);
                say(String.format(Locale.ROOT, "   round %d %-17s %7.2f s %6d MB exit %d %s%s", round, scenario.name(),
                        result.seconds(), result.peakKb() / 1024, result.exitCode(),
                        result.timedOut() ? "TIMED OUT" : result.values().getOrDefault("steps",
                                result.values().getOrDefault("statements", "")),
                        proxy == null ? "" : " wire round trips " + result.values().get(WIRE_ROUND_TRIPS)));
                if (isPeer(scenario) && result.timedOut()) {
                    timedOutAt.putIfAbsent(scenario.name(), n);
                }
            }
        }
        scenarios.forEach(s -> labels.put(s.name(), s.label()));
        return runs;
    }

    private final Map<String, String> labels = new LinkedHashMap<>();

    /** A peer whose first local run took longer gets no second round at that N: its runs column says 1. */
    static final int SLOW_PEER_SECONDS = 60;

    /** What {@link #rounds} spares the peers, as the report says it. */
    static final String PEER_RULES = """
            Peers (Hibernate's and Liquibase's runs) have a time limit of %d s a run. A peer that timed out is not run
            again, neither in later rounds of that N nor at a larger N, nor through the delaying proxy (its row says
            "timed out at N=…, not rerun"); one whose first local run took more than %d s gets one local round only
            (the runs column says 1); through the delaying proxy, a peer is skipped when its own round trips measured
            locally at that N, times the delay of a round trip, already reach the limit (its row says "skipped: ≥ X s of
            latency alone"). gen's runs get every round.
            """;

    /** The peers whose run timed out, with the N they timed out at: not run again at that N or a larger one. */
    private final Map<String, Integer> timedOutAt = new LinkedHashMap<>();

    private static boolean isPeer(Scenario scenario) {
        return !scenario.name().startsWith("gen");
    }

    /** A row for a run that was not made, saying why. */
    private static Run skipped(String why) {
        return new Run(Double.NaN, 0, 0, false, Map.of(SKIPPED, "true"), why);
    }

    private static boolean isSkipped(Run run) {
        return run.values().containsKey(SKIPPED);
    }

    private static final String SKIPPED = "skipped";

    /** The wire round trips of a peer's last local run that finished, or 0 when none did. */
    private static long localRoundTrips(List<Run> local) {
        if (local == null) {
            return 0;
        }
        for (int i = local.size() - 1; i >= 0; i--) {
            Run run = local.get(i);
            if (!run.timedOut() && !isSkipped(run) && run.values().containsKey(WIRE_ROUND_TRIPS)) {
                return Long.parseLong(run.values().get(WIRE_ROUND_TRIPS));
            }
        }
        return 0;
    }

    /**
     * The Init migration the last generate round wrote, run on the empty database, then {@code --check} against
     * it: a migration of any size compiles and runs, and leaves nothing to generate. Once, locally, after the
     * rounds (they need the database empty).
     */
    private void initRun(int n, Path dir, Path classes, String empty,
            Map<String, List<Run>> local) throws Exception {
        String url = baseUrl + empty;
        Path migrations = dir.resolve("generate");
        Run run = process(dir, concat(genCommand(), "migration:run", "--url", url, "--user", user, "--dir",
                migrations.toString()), peerLimitSeconds);
        labels.put("gen-run-init", "gen migration:run of that Init migration, empty DB");
        local.put("gen-run-init", List.of(run));
        say(String.format(Locale.ROOT, "   gen-run-init      %7.2f s %6d MB exit %d %s", run.seconds(),
                run.peakKb() / 1024, run.exitCode(), run.firstLine()));
        Run check = process(dir, concat(genCommand(), "migration:generate", "--url", url, "--user", user,
                "--classpath", classes.toString(), "--dir", migrations.toString(), "--timings", "--check",
                "--no-cache"), peerLimitSeconds);
        labels.put("gen-check-after-run", "gen --check, cold, on the DB that Init migration built");
        local.put("gen-check-after-run", List.of(check));
        say(String.format(Locale.ROOT, "   gen-check-after   %7.2f s %6d MB exit %d %s", check.seconds(),
                check.peakKb() / 1024, check.exitCode(), check.firstLine()));
    }

    private void appendResults(StringBuilder results, StringBuilder ratios, StringBuilder phases, int n,
            Map<String, List<Run>> runs, String roundTripsValue) {
        int tables = (int) runs.get("_meta").get(0).seconds();
        Map<String, Double> wall = new TreeMap<>();
        java.util.Set<String> notRun = new java.util.HashSet<>();
        for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            List<Run> list = entry.getValue();
            if (list.isEmpty()) {
                continue;
            }
            if (isSkipped(list.get(0))) {
                notRun.add(entry.getKey());
                results.append(String.format(Locale.ROOT, "| %d | %d | %s | 0 | – | – | – | – | %s |%n", n, tables,
                        labels.get(entry.getKey()), list.get(0).firstLine()));
                continue;
            }
            boolean timedOut = list.stream().anyMatch(Run::timedOut);
            double seconds = median(list.stream().map(Run::seconds).toList());
            wall.put(entry.getKey(), timedOut ? Double.NaN : seconds);
            double peakMb = median(list.stream().map(r -> r.peakKb() / 1024.0).toList());
            Run last = list.get(list.size() - 1);
            String trips = last.values().getOrDefault(roundTripsValue, last.values().getOrDefault("round-trips", "?"));
            String statements = last.values().getOrDefault("steps", last.values().getOrDefault("statements", "?"));
            String outcome;
            if (timedOut) {
                outcome = "timed out";
            } else if (entry.getKey().startsWith("gen")) {
                outcome = "exit " + last.exitCode() + ": " + last.firstLine();
            } else {
                outcome = "exit " + last.exitCode() + (last.values().containsKey("ok") ? " ok=" + last.values().get("ok") : "")
                        + (last.values().containsKey("message") ? " " + last.values().get("message") : "");
            }
            results.append(String.format(Locale.ROOT, "| %d | %d | %s | %d | %s | %.0f | %s | %s | %s |%n", n, tables,
                    labels.get(entry.getKey()), list.size(), timedOut ? "> limit" : String.format(Locale.ROOT, "%.2f", seconds),
                    peakMb, trips, statements, outcome.replace("|", "/")));
        }
        Function<String[], String> ratio = pair -> notRun.contains(pair[1]) ? "peer not run"
                : ratio(wall, pair[0], pair[1]);
        ratios.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", n,
                ratio.apply(new String[] {"gen-check-cold", "hib-update"}),
                ratio.apply(new String[] {"gen-check-warm", "hib-update"}),
                ratio.apply(new String[] {"gen-check-cold", "hib-validate"}),
                ratio.apply(new String[] {"gen-check-cold", "liquibase"}),
                ratio.apply(new String[] {"gen-generate", "hib-update-empty"})));
        for (String name : List.of("gen-check-cold", "gen-check-warm", "gen-generate")) {
            List<Run> list = runs.get(name);
            Map<String, List<Double>> byPhase = new TreeMap<>();
            List<Double> sinceStart = new ArrayList<>();
            for (Run run : list) {
                run.values().forEach((key, value) -> {
                    if (key.equals("since-jvm-start")) {
                        sinceStart.add(Double.parseDouble(value));
                    } else if (!key.equals("introspection-round-trips") && !key.equals(WIRE_ROUND_TRIPS)
                            && !key.equals("steps") && value.matches("\\d+")) {
                        byPhase.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(value));
                    }
                });
            }
            StringBuilder text = new StringBuilder();
            for (String phase : List.of("cache-hit", "cache-miss", "scan", "metadata", "cache-store", "introspect",
                    "normalize", "diff", "plan", "emit")) {
                if (byPhase.containsKey(phase)) {
                    text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ')
                            .append(Math.round(median(byPhase.get(phase))));
                }
            }
            byPhase.keySet().stream().filter(p -> !text.toString().contains(p + " ")).forEach(p ->
                    text.append(", ").append(p).append(' ').append(Math.round(median(byPhase.get(p)))));
            phases.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", n, name, text,
                    sinceStart.isEmpty() ? "?" : Long.toString(Math.round(median(sinceStart)))));
        }
    }

    private static String ratio(Map<String, Double> wall, String gen, String peer) {
        Double a = wall.get(gen);
        Double b = wall.get(peer);
        if (a == null || b == null || a.isNaN() || b.isNaN()) {
            return b != null && b.isNaN() ? "peer timed out" : "n/a";
        }
        // a ratio above 1 means gen took longer: say "slower" then, never "0.8× faster"
        return a <= b ? String.format(Locale.ROOT, "%.2f (%.1f× faster)", a / b, b / a)
                : String.format(Locale.ROOT, "%.2f (%.1f× slower)", a / b, a / b);
    }

    private String header(String load) throws IOException, SQLException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GB").orElse("?");
        String postgres;
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            postgres = rows.getString(1);
        }
        return "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu
                + "), " + memory + " memory; Java " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.name") + "), JVM options `" + String.join(" ", javaOptions) + "` for every process, gen's and the peers'; " + postgres
                + " on the same machine. Peak RSS from `/usr/bin/time -f %M`" + (haveTime ? "" : " (not installed: 0)")
                + ". Load average when the run started: " + load + ".\n";
    }

    private String startup() throws IOException, InterruptedException {
        List<Double> help = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            help.add(process(work, concat(genCommand(), "--help"), 60).seconds());
            version.add(process(work, concat(genCommand(), "--version"), 60).seconds());
        }
        say("--help " + help + " --version " + version);
        String how = launcher != null ? "./gen" : "java -jar gen.jar";
        return String.format(Locale.ROOT, "%nStart-up: `" + how + " --help` %.2f s, `--version` %.2f s (median of 5;"
                + " neither loads Hibernate, the scanner or the driver).%n", median(help), median(version));
    }

    private Run process(Path dir, List<String> command, int limitSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Path time = Files.createTempFile(work, "time", ".txt");
        List<String> full = new ArrayList<>();
        if (haveTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", time.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("GEN_URL");
        builder.environment().remove("GEN_CLASSPATH");
        builder.environment().put("GEN_JAVA_OPTS", String.join(" ", javaOptions)); // the launcher's, as for the peers
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        long peak = 0;
        if (haveTime) {
            String text = Files.readString(time).trim();
            String[] lines = text.split("\n");
            try {
                peak = Long.parseLong(lines[lines.length - 1].trim());
            } catch (NumberFormatException e) {
                peak = 0;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : (stdout + "\n" + stderr).split("\n")) {
            if (line.startsWith("gen-timings:") || line.startsWith("peer-result:")) {
                Matcher matcher = KEY_VALUE.matcher(line.substring(line.indexOf(':') + 1));
                while (matcher.find()) {
                    values.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        String firstLine = stdout.lines().findFirst().orElse(stderr.lines().findFirst().orElse("")).trim();
        int exit = finished ? process.exitValue() : -1;
        boolean failed = !finished || (exit != 0 && exit != 1);
        if (failed) {
            log.append("$ ").append(String.join(" ", command)).append("\nexit ").append(exit).append('\n')
                    .append(stdout).append(stderr.length() > 4000 ? stderr.substring(0, 4000) : stderr).append('\n');
            say("   FAILED (" + exit + "): " + String.join(" ", command.subList(0, Math.min(6, command.size())))
                    + " ...\n" + (stderr.length() > 1500 ? stderr.substring(0, 1500) : stderr));
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(time);
        return new Run(seconds, peak, exit, !finished, values, firstLine);
    }

    private void recreate(String database) throws SQLException {
        drop(database);
        admin("CREATE DATABASE " + database);
    }

    private void drop(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private int count(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl + database, user, null);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private void write(Path file, String section) throws IOException {
        String block = BEGIN + "\n" + section + "\n" + END + "\n";
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            text = begin >= 0 && end > begin ? old.substring(0, begin) + block + old.substring(end + END.length() + 1)
                    : old + "\n" + block;
        } else {
            text = "# Benchmarks\n\nReproduce with `bench/run.sh` (see the README).\n\n" + block;
        }
        Files.writeString(file, text);
        if (log.length() > 0) {
            Files.writeString(work.resolve("failures.log"), log);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * How gen is started: through its launcher when one is given ({@code --gen-launcher}, as users run it, with its
     * class-data archive), else {@code java -jar}; either way with the shared JVM options.
     */
    private List<String> genCommand() {
        return launcher != null ? List.of(launcher.toString())
                : java("-cp", genJar + java.io.File.pathSeparator + genJar.resolveSibling("lib") + "/*", "dev.gen.cli.Main");
    }

    /** {@code java} with the shared JVM options, then {@code args}. */
    private List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(javaOptions);
        command.addAll(List.of(args));
        return List.copyOf(command);
    }
}
