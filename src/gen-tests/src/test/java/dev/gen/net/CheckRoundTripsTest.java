package dev.gen.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.netproxy.LatencyProxy;
import dev.gen.testing.Cli;
import dev.gen.testing.SyntheticEntities;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code migration:generate --check} costs on the wire against an up-to-date database, counted at the
 * connection by a proxy: the same number of round trips for 10 entities as for 1,000.
 */
class CheckRoundTripsTest {

    /**
     * Round trips of one {@code --check} against an up-to-date database with one migration (issue 14's target: at
     * most 10): the driver's SSL request and the startup (the application name and session settings travel in the
     * startup packet), the introspection (one pipelined statement), the pending-migrations query, and the
     * normaliser's two (its script with {@code BEGIN}; the read-back of its scratch tables with {@code ROLLBACK}
     * last in the same batch).
     */
    static final long EXPECTED_ROUND_TRIPS = 6;

    @TempDir
    Path work;

    @Test
    void checkCostsTheSameFewRoundTripsAtTenAndAThousandEntities() {
        Measured few = checkThroughProxy(10);
        Measured many = checkThroughProxy(1000);
        System.out.println("generate --check round trips: N=10 " + few.roundTrips() + ", N=1000 " + many.roundTrips());
        few.log().forEach(connection -> connection.forEach(System.out::println));
        assertEquals(few.roundTrips(), many.roundTrips(), () -> "N=10 " + few + ", N=1000 " + many);
        assertEquals(1, few.connections(), "one connection");
        assertEquals(EXPECTED_ROUND_TRIPS, few.roundTrips(), few::toString);
        assertTrue(few.roundTrips() <= 10, "issue 14's bound");
    }

    record Measured(long roundTrips, int connections, Map<Character, Long> messages, List<List<String>> log) {
    }

    private Measured checkThroughProxy(int n) {
        Path classes = SyntheticEntities.compile(work, n);
        Path migrations = work.resolve("migrations-" + n);
        try (TestDatabase db = TestDatabase.create("roundtrips")) {
            List<String> common = List.of("--classpath", classes.toString(), "--dir", migrations.toString(),
                    "--user", db.user());
            Cli.Result init = Cli.runRaw(args(common, db.jdbcUrl(), "migration:generate", "Init"));
            assertEquals(0, init.exitCode(), init::toString);
            Cli.Result run = Cli.runRaw(args(common, db.jdbcUrl(), "migration:run"));
            assertEquals(0, run.exitCode(), run::toString);

            try (LatencyProxy proxy = LatencyProxy.inFrontOf(db.jdbcUrl(), Duration.ZERO)) {
                Cli.Result check = Cli.runRaw(args(common, proxy.jdbcUrl(db.jdbcUrl()), "migration:generate",
                        "--check", "--no-cache"));
                assertEquals(0, check.exitCode(), check::toString);
                assertTrue(check.all().contains("No changes"), check::toString);
                assertFalse(proxy.sawEncryptedConnection(), "TLS hides the messages from the count");
                return new Measured(proxy.roundTrips(), proxy.connections(), proxy.messageCounts(), proxy.roundTripLog());
            }
        }
    }

    private static List<String> args(List<String> common, String url, String... command) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of("--url", url));
        all.addAll(common);
        return all;
    }
}
