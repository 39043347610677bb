package dev.gen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache hit skips the scan and Hibernate's boot and gives the same answer; any change misses. */
class GeneratorCacheTest {

    @TempDir
    Path temp;

    private static final String USER = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue Long id;
                @Column(nullable = false, length = 80) String name;
                %s
            }
            """;

    private GenConfig config(TestDatabase database, Path classes, Map<String, String> hibernate) {
        return new GenConfig(database.jdbcUrl(), database.user(), database.password(), List.of("public"),
                List.of(classes), List.of(), temp.resolve("migrations"), null, "gen_migrations", List.of(), hibernate,
                false, null);
    }

    private static Map<String, Long> run(GenConfig config, ModelCache cache) {
        GenerateResult result = Generator.generate(config, GenerateRequest.check(), cache);
        return result.timings().asMap();
    }

    private static List<String> plan(GenConfig config, ModelCache cache) {
        return Generator.generate(config, GenerateRequest.check(), cache).plan().steps().stream()
                .map(Object::toString).toList();
    }

    @Test
    void hitsSkipHibernateAndMissOnAnyChange() throws IOException {
        Path classes = temp.resolve("classes");
        EntityCompiler.compile(classes, Map.of("com/example/Customer.java", USER.formatted("")));
        ModelCache cache = ModelCache.in(temp.resolve(".gen-cache"));
        try (TestDatabase database = TestDatabase.create("cache")) {
            GenConfig config = config(database, classes, Map.of());

            Map<String, Long> first = run(config, cache);
            assertTrue(first.containsKey("cache-miss"), first.toString());
            assertTrue(first.containsKey("metadata"), first.toString());

            Map<String, Long> second = run(config, cache);
            assertTrue(second.containsKey("cache-hit"), second.toString());
            assertFalse(second.containsKey("scan") || second.containsKey("metadata"), "no scan, no Hibernate: " + second);
            assertEquals(plan(config, ModelCache.disabled()), plan(config, cache), "a hit gives the same plan");

            // a changed entity misses, and the new field shows up in the plan
            EntityCompiler.compile(classes, Map.of("com/example/Customer.java", USER.formatted("String email;")));
            Map<String, Long> changed = run(config, cache);
            assertTrue(changed.containsKey("cache-miss"), changed.toString());
            assertTrue(plan(config, cache).toString().contains("email"));

            // a changed Hibernate setting misses
            GenConfig renamed = config(database, classes, Map.of("hibernate.physical_naming_strategy",
                    "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"));
            assertTrue(run(renamed, cache).containsKey("cache-miss"));
            assertTrue(run(renamed, cache).containsKey("cache-hit"));

            // --no-cache: no lookup, Hibernate runs
            Map<String, Long> bypassed = run(config, ModelCache.disabled());
            assertTrue(bypassed.containsKey("metadata"));
            assertFalse(bypassed.keySet().stream().anyMatch(k -> k.startsWith("cache")), bypassed.toString());

            // a corrupt entry is a miss, then rewritten
            try (var files = Files.list(temp.resolve(".gen-cache"))) {
                for (Path file : files.toList()) {
                    Files.writeString(file, "garbage");
                }
            }
            assertTrue(run(config, cache).containsKey("cache-miss"));
            assertTrue(run(config, cache).containsKey("cache-hit"));
            assertNotEquals(List.of(), plan(config, cache));
        }
    }
}
