package dev.gen.shadow;

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
        History history = History.load(target);
        try (ShadowDatabase shadow = ShadowDatabase.create(server)) {
            history.replay(shadow, history.all());
            return Generator.generate(shadow.config(target), request, cache);
        }
    }
}
