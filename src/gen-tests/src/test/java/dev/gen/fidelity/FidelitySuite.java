package dev.gen.fidelity;

import dev.gen.fidelity.Corpus.Pair;
import dev.gen.fidelity.Corpus.Spec;
import dev.gen.testing.FidelityHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the corpus tests share: one {@link FidelityHarness} for the class, on databases named after its prefix, and
 * the two ways a corpus entry goes through the oracle. A suite picks them by implementing {@link RoundTrips}
 * (over its static {@code models()}) and {@link Evolutions} (over its static {@code pairs()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FidelitySuite {

    private final String databasePrefix;

    /** The harness of this class's tests, open between {@link #start()} and {@link #stop()}. */
    FidelityHarness harness;

    /** @param databasePrefix names the class's databases, so that suites never share one */
    FidelitySuite(String databasePrefix) {
        this.databasePrefix = databasePrefix;
    }

    @BeforeAll
    void start() {
        harness = new FidelityHarness(databasePrefix);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    public FidelityHarness harness() {
        return harness;
    }

    /** The harness's model of a corpus entry, under {@code name}. */
    static FidelityHarness.Model model(FidelityHarness harness, String name, Spec spec) {
        return harness.model(name, spec.sources(), spec.settings(), spec.schemas().toArray(String[]::new));
    }

    /** Each of the suite's {@code models()} through the whole oracle: round trip and adoption. */
    interface RoundTrips {

        FidelityHarness harness();

        @ParameterizedTest(name = "{0}")
        @MethodSource("models")
        default void roundTrip(Spec spec) {
            harness().roundTrip(model(harness(), spec.name(), spec));
        }
    }

    /** Each of the suite's {@code pairs()}: the migration from v1 to v2's export, and (where it is) the revert. */
    interface Evolutions {

        FidelityHarness harness();

        /** Put before each pair's model names, so that pairs of several suites never share a name. */
        default String modelPrefix() {
            return "";
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("pairs")
        default void evolve(Pair pair) {
            FidelityHarness.Model v1 = model(harness(), modelPrefix() + pair.name() + "_v1", pair.v1());
            FidelityHarness.Model v2 = model(harness(), modelPrefix() + pair.name() + "_v2", pair.v2());
            harness().evolve(v1, v2, pair.reversible(), pair.backfills());
        }
    }
}
