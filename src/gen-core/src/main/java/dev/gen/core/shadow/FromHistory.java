package dev.gen.core.shadow;

import dev.gen.cache.ModelCache;
import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;

/**
 * {@code migration:generate --from-history}: every migration replayed into a shadow database, then the ordinary
 * generate against it. The migration is the one a database with the whole history applied would give, byte for
 * byte (same timestamp rule, same emitter), whatever state the target is in.
 */
public final class FromHistory {

    private FromHistory() {
    }

    public static GenerateResult generate(GenConfig target, GenerateRequest request, ModelCache cache,
            ShadowServer server) {
        if (request.mode() != GenerateRequest.Mode.CHECK) {
            dev.gen.core.ShadowAccess.requireValidName(request.name()); // before the replay, not after it
        }
        long start = System.nanoTime();
        History history = History.load(target);
        long loaded = System.nanoTime();
        ShadowDatabase shadow = ShadowDatabase.create(server);
        long created = System.nanoTime();
        long replayed;
        long generated;
        GenerateResult result;
        try {
            history.replay(shadow, history.all());
            replayed = System.nanoTime();
            result = Generator.generate(shadow.config(target), request, cache);
            generated = System.nanoTime();
        } finally {
            shadow.close();
        }
        // For --timings and the benchmark: what the shadow costs beside the generate's own phases.
        record(result, "history-load", loaded - start);
        record(result, "shadow-create", created - loaded);
        record(result, "shadow-replay", replayed - created);
        record(result, "shadow-drop", System.nanoTime() - generated);
        return result;
    }

    private static void record(GenerateResult result, String phase, long nanos) {
        result.timings().record(phase, System.nanoTime() - nanos);
    }
}
