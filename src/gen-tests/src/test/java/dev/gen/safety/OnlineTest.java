package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Must show 4: with online=true (gen.properties), an index on an existing table is built CONCURRENTLY, by a
 * non-transactional migration, while another session keeps inserting; NOT NULL goes through a validated check.
 */
class OnlineTest {

    private static String event(String pkg, String tableExtra, String kindColumn) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "events"%s)
                public class Event {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(length = 100) String email;
                    %s String kind;
                }
                """.formatted(tableExtra, kindColumn));
    }

    @Test
    void indexIsBuiltConcurrentlyWhileAnotherSessionWrites() throws Exception {
        try (SafetyFixture f = SafetyFixture.create("online")) {
            Path v1 = f.entities(Map.of("o1/Event.java", event("o1", "", "@Column(length = 10)")));
            f.generate(v1, GenerateRequest.write("CreateEvents").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO events (email, kind) SELECT 'user' || g || '@example.com', 'k'"
                    + " FROM generate_series(1, 200000) g");

            Path v2 = f.entities(Map.of("o2/Event.java", event("o2",
                    ", indexes = @Index(name = \"events_email_idx\", columnList = \"email\")",
                    "@Column(length = 10, nullable = false)")));
            Path config = f.properties(v2, "online=true");
            SafetyFixture.Cli generated = f.cli("migration:generate", "IndexEmail", "--config", config.toString(),
                    "--no-cache", "-t", String.valueOf(SafetyFixture.T0 + 1000));
            assertEquals(0, generated.exitCode(), generated.err());
            assertTrue(generated.out().contains("[non-transactional]"), generated.out());
            Path file;
            try (Stream<Path> files = Files.list(f.migrations)) {
                file = files.filter(p -> p.getFileName().toString().contains("IndexEmail")).findFirst().orElseThrow();
            }
            String source = Files.readString(file).replace("\\\"", "\"");
            assertTrue(source.contains("CREATE INDEX CONCURRENTLY \"events_email_idx\""), source);
            assertTrue(source.contains("public boolean transactional()") && source.contains("return false;"), source);
            assertTrue(source.contains("return \"5s\";"), "lock_timeout is set: " + source);
            assertTrue(source.contains("CHECK (\"kind\" IS NOT NULL) NOT VALID"), source);
            assertTrue(source.contains("VALIDATE CONSTRAINT \"events_kind_not_null\""), source);

            // another session writes to the table the whole time the migration runs
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong inserted = new AtomicLong();
            AtomicLong insertedDuringRun = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection c = f.db.connect();
                        PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO events (email, kind) VALUES (?, 'w')")) {
                    while (!stop.get()) {
                        insert.setString(1, "writer" + inserted.get() + "@example.com");
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                        if (running.get()) {
                            insertedDuringRun.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "writer");
            writer.start();
            while (inserted.get() < 50) {
                Thread.sleep(5);
            }
            running.set(true);
            Migrations.run(f.config(v2, true), RunOptions.defaults());
            running.set(false);
            stop.set(true);
            writer.join(10_000);

            assertEquals(null, writerFailure.get(), "the writer was never refused");
            assertTrue(insertedDuringRun.get() > 0, "rows were written while the index was built");
            assertEquals("true", f.string("SELECT i.indisvalid::text FROM pg_index i"
                    + " WHERE i.indexrelid = 'public.events_email_idx'::regclass"));
            // every row, including the ones written during the build, is there
            assertEquals(200000 + inserted.get(), f.number("SELECT count(*) FROM events WHERE email LIKE '%@example.com'"));
            assertEquals("true", f.string("SELECT attnotnull::text FROM pg_attribute"
                    + " WHERE attrelid = 'public.events'::regclass AND attname = 'kind'"));
            assertEquals(List.of(), f.strings("SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = 'public.events'::regclass AND contype = 'c'"), "the helper check is gone");
            assertFalse(f.generate(v2, GenerateRequest.check()).hasChanges());
        }
    }
}
