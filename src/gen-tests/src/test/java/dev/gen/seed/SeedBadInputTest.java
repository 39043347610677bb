package dev.gen.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.SeedRequest;
import dev.gen.core.Seeder;
import dev.gen.testing.Cli;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad seed file: one paragraph naming the file, the JSON path, the entity and the attribute, exit 9,
 * and not one row in the database afterwards (the migrations themselves have run).
 */
class SeedBadInputTest {

    @TempDir
    static Path work;

    static TestDatabase db;
    static GenConfig config;
    static Path classes;
    static Path migrations;

    private static final String STORE = "\"Store\": [{\"@id\": \"s\", \"name\": \"S\"}]";
    private static final String USER = "{\"email\": \"%s\", \"passwordHash\": \"x\"}";

    @BeforeAll
    static void database() {
        classes = SeedFixture.classes(work);
        migrations = SeedFixture.migrations(work);
        db = TestDatabase.create("seed_bad");
        config = SeedFixture.config(db, classes, migrations);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /**
     * One bad seed file: {@code json} must be rejected with a message that mentions each of {@code mentions}.
     *
     * @param name what is wrong with it, as the test's display name
     */
    record Case(String name, String json, List<String> mentions) {
        Case(String name, String json, String... mentions) {
            this(name, json, List.of(mentions));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("malformedJson", "{\n  \"Store\": [ {\"name\": \"S\",, } ]\n}",
                        "not valid JSON at line 2"),
                new Case("unknownEntity", "{\"Shop\": [{\"name\": \"S\"}]}",
                        "at $.Shop", "\"Shop\" is not an entity",
                        "Store"), // lists the known entities
                new Case("unknownAttribute", "{\"Store\": [{\"name\": \"S\", \"title\": \"T\"}]}",
                        "at $.Store[0].title (entity Store, attribute title)", "has no attribute \"title\""),
                new Case("unknownAttributeOfAnEmbeddable",
                        "{\"Store\": [{\"name\": \"S\", \"address\": {\"town\": \"X\"}}]}",
                        "at $.Store[0].address.town (entity Store, attribute town)", "embeddable Address"),
                new Case("wrongType", "{" + STORE + ", \"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": true,"
                        + " \"store\": {\"@ref\": \"s\"}}]}",
                        "at $.Product[0].price (entity Product, attribute price)", "BigDecimal", "found a boolean true"),
                new Case("unknownEnumConstant",
                        "{\"User\": [{\"email\": \"a@x\", \"passwordHash\": \"x\", \"role\": \"ROOT\"}]}",
                        "at $.User[0].role (entity User, attribute role)", "CUSTOMER, STAFF, ADMIN"),
                new Case("missingRequiredAttribute", "{\"User\": [{\"email\": \"a@x\"}]}",
                        "at $.User[0] (entity User, attribute passwordHash)", "requires passwordHash"),
                new Case("missingRequiredAssociation", "{\"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1}]}",
                        "(entity Product, attribute store)"),
                new Case("unknownLabel", "{" + STORE + ", \"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1,"
                        + " \"store\": {\"@ref\": \"mainStore\"}}]}",
                        "at $.Product[0].store (entity Product, attribute store)",
                        "no object of the file has the label \"mainStore\""),
                new Case("uniqueViolationWithinTheFile", "{\"User\": [" + USER.formatted("a@x") + "], \"AppUser\": ["
                        + USER.formatted("a@x") + "]}",
                        "AppUser at $.AppUser[0] and User at $.User[0] have the same email",
                        "unique constraint users_email_key on users"),
                new Case("foreignKeyViolation", "{\"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1,"
                        + " \"store\": {\"id\": 999}}]}",
                        "at $.Product[0].store (entity Product, attribute store)",
                        "{\"id\": 999} points at no Store row", "foreign key"),
                // The store and the category go in first; the product's sku is longer than its column: all rolled back.
                new Case("rowTheDatabaseRefusesRollsBackWhatWasInsertedBefore", "{" + STORE
                        + ", \"Category\": [{\"@id\": \"c\", \"name\": \"C\"}],"
                        + " \"Product\": [{\"sku\": \"" + "X".repeat(41) + "\", \"name\": \"A\", \"price\": 1,"
                        + " \"store\": {\"@ref\": \"s\"}, \"categories\": [{\"@ref\": \"c\"}]}]}",
                        "inserting Product at $.Product[0] failed", "rolled back"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedNamingWhatIsWrong(Case bad) throws IOException {
        String message = rejected(bad.json());
        for (String mention : bad.mentions()) {
            assertTrue(message.contains(mention), () -> "expected \"" + mention + "\" in: " + message);
        }
    }

    @Test
    void throughTheCommandLineTheExitCodeIsNine() throws IOException {
        Path file = work.resolve("cli.json");
        Files.writeString(file, "{\"Store\": [{\"name\": 5}]}");
        Cli.Result result = new Cli(db, "--classpath", classes.toString(), "--dir", migrations.toString())
                .run("seed", "--file", file.toString());
        assertEquals(9, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("gen: Cannot seed from " + file), result.toString());
        assertTrue(result.err().contains("(entity Store, attribute name)"), result.toString());
        assertEquals(0, SeedFixture.total(db));
    }

    /** Seeds {@code json}, expects the rejection, checks that no row went in, and returns the message. */
    private static String rejected(String json) throws IOException {
        Path file = Files.createTempFile(work, "seed", ".json");
        Files.writeString(file, json);
        GenException e = assertThrows(GenException.class, () -> Seeder.seed(config, SeedRequest.of(file)));
        assertEquals(ExitCodes.SEED_REJECTED, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot seed from " + file), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was inserted") || e.getMessage().contains("nothing was inserted"),
                e.getMessage());
        assertEquals(0, SeedFixture.total(db), "no seeded row after: " + e.getMessage());
        return e.getMessage();
    }
}
