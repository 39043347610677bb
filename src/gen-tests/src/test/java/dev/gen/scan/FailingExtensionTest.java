package dev.gen.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.cli.Main;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 15 and the clear errors for Errors: an extension failing in its own code is named with
 * --exclude-service (exit 5); no Error ever ends gen with exit 1; running out of memory has its own code.
 */
class FailingExtensionTest {

    private static TestDatabase db;

    @TempDir
    Path work;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("failing_extension");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static final String ITEM = """
            package shop;
            @jakarta.persistence.Entity
            public class Item {
                @jakarta.persistence.Id Long id;
            }
            """;

    @Test
    void aServiceContributorFailingInItsCodeIsNamed() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "shop/Item.java", ITEM,
                "ext/Gone.java", "package ext; public class Gone { public static void touch() {} }",
                "ext/FhirContributor.java", """
                        package ext;
                        public class FhirContributor implements org.hibernate.service.spi.ServiceContributor {
                            @Override
                            public void contribute(org.hibernate.boot.registry.StandardServiceRegistryBuilder builder) {
                                Gone.touch();
                            }
                        }
                        """));
        Files.delete(classes.resolve("ext/Gone.class")); // as on a classpath that lacks one of its dependencies
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.hibernate.service.spi.ServiceContributor"), "ext.FhirContributor\n");

        Result failed = gen(classes);
        assertEquals(5, failed.code, failed.err);
        assertTrue(failed.err.contains("ext.FhirContributor") && failed.err.contains("--exclude-service ext.FhirContributor")
                && failed.err.contains("ext.Gone"), failed.err);
        assertTrue(!failed.err.contains("\tat "), "one paragraph, no stack trace: " + failed.err);

        Result excluded = gen(classes, "--exclude-service", "ext.FhirContributor");
        assertEquals(1, excluded.code, excluded.err); // changes found: the table is still to create
    }

    @Test
    void aMissingSuperclassIsNamedWithTheEntityThatNeedsIt() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of(
                "base/Audited.java", "package base; public class Audited { }",
                "shop/Item.java", """
                        package shop;
                        @jakarta.persistence.Entity
                        public class Item extends base.Audited {
                            @jakarta.persistence.Id Long id;
                        }
                        """));
        Files.delete(classes.resolve("base/Audited.class")); // it lives in a jar not given to --classpath
        Result result = gen(classes);
        assertEquals(5, result.code, result.err);
        assertTrue(result.err.contains("base.Audited") && result.err.contains("shop.Item")
                && result.err.contains("--classpath") && !result.err.contains("Fix the mapping"), result.err);
    }

    @Test
    void outOfMemoryHasItsOwnExitCode() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("shop/Item.java", """
                package shop;
                @jakarta.persistence.Entity
                public class Item {
                    static final long[] HUGE = new long[Integer.MAX_VALUE - 8];
                    @jakarta.persistence.Id Long id;
                }
                """));
        Result result = gen(classes);
        assertEquals(10, result.code, result.err);
        assertTrue(result.err.contains("out of memory") && result.err.contains("-Xmx"), result.err);
    }

    @Test
    void anUnexpectedErrorIsAnInternalFailureNotExitOne() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), Map.of("shop/Item.java", """
                package shop;
                @jakarta.persistence.Entity
                public class Item {
                    static { if (true) throw new AssertionError("broken invariant"); }
                    @jakarta.persistence.Id Long id;
                }
                """));
        Result result = gen(classes);
        assertEquals(70, result.code, result.err);
        assertTrue(result.err.contains("broken invariant"), result.err);
    }

    private record Result(int code, String err) {
    }

    private Result gen(Path classes, String... extra) {
        List<String> args = new ArrayList<>(List.of("migration:generate", "--check", "--url", db.jdbcUrl(),
                "--user", db.user(), "--classpath", classes.toString(), "--dir", work.resolve("migrations").toString(),
                "--no-cache"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Result(code, err.toString());
    }
}
