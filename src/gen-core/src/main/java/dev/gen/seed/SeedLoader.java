package dev.gen.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gen.hibernate.SeedingBoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Loads a seed file into the database through the application's entities: reads it into entity instances, checks
 * references and second-run matches against the database, then inserts every new object in dependency order with
 * Hibernate's stateless session (the entities' own generators, discriminators, joined tables, converters and
 * collection tables), in one transaction: all of it or nothing.
 */
public final class SeedLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SeedLoader() {
    }

    /** Reads the file as JSON only, so that a syntax error stops a run before anything else happens. */
    public static JsonNode parse(Path file, String displayName) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SeedException(SeedException.Kind.INPUT, "Cannot seed from " + displayName + ": it is not valid"
                    + " JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + ". Fix the syntax (a JSON"
                    + " document whose keys are entity names, each holding a list of objects). Nothing was"
                    + " inserted.", e);
        } catch (IOException e) {
            throw new SeedException(SeedException.Kind.INPUT, "Cannot read the seed file " + displayName + ": "
                    + e.getMessage() + ". Check the path given with --file. Nothing was inserted.", e);
        }
    }

    /**
     * Reads the document into entity instances and their insertion order, without a database: every error of the
     * file's own (unknown names, wrong types, missing required attributes, unknown labels, cycles) is found here.
     * The result is used by one {@link #load} only.
     */
    public static SeedPlan read(SeedingBoot.Booted boot, JsonNode document, String displayName) {
        return inLoader(boot, () -> {
            SeedGraph graph = new SeedGraph(displayName, boot.factory(), boot.metadata(), MAPPER);
            graph.read(document);
            return new SeedPlan(graph, Ordering.topological(graph));
        });
    }

    /**
     * Seeds what {@link #read} made of the file on {@code connection}, in one transaction that this method commits,
     * or rolls back on any error.
     *
     * @throws SeedException naming the file, the JSON path, the entity and the attribute; nothing was inserted
     */
    public static SeedReport load(SeedingBoot.Booted boot, Connection connection, SeedPlan plan,
            ExistingRows existing) {
        long start = System.nanoTime();
        SeedGraph graph = plan.graph();
        return inLoader(boot, () -> {
            try (StatelessSession session = boot.factory().withStatelessOptions().connection(connection)
                    .openStatelessSession()) {
                Transaction transaction = session.beginTransaction();
                boolean committed = false;
                try {
                    Map<String, Long> phases = new LinkedHashMap<>();
                    long phase = System.nanoTime();
                    Matching matching = new Matching(graph, session, new Keys(boot.metadata()), existing);
                    matching.resolveIdReferences();
                    Wiring.wire(graph);
                    List<String> skipped = matching.markExisting(plan.ordered());
                    phase = lap(phases, "match", phase);
                    Map<String, Integer> inserted = new Inserter(graph, session, boot.factory())
                            .insert(plan.ordered());
                    phase = lap(phases, "insert", phase);
                    transaction.commit();
                    committed = true;
                    lap(phases, "commit", phase);
                    return new SeedReport(inserted, skipped, Duration.ofNanos(System.nanoTime() - start), phases);
                } finally {
                    if (!committed && transaction.isActive()) {
                        transaction.rollback();
                    }
                }
            }
        });
    }

    private static long lap(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1_000_000);
        return now;
    }

    /** Hibernate resolves the application's classes through the context class loader. */
    private static <T> T inLoader(SeedingBoot.Booted boot, java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(boot.loader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Counts per entity in insertion order, for the report. */
    static void count(Map<String, Integer> counts, String entity, int n) {
        counts.merge(entity, n, Integer::sum);
    }

    static Map<String, Integer> newCounts() {
        return new LinkedHashMap<>();
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            result.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return result;
    }
}
