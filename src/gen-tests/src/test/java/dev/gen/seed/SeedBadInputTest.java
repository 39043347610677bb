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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void malformedJson() throws IOException {
        String message = rejected("{\n  \"Store\": [ {\"name\": \"S\",, } ]\n}");
        assertTrue(message.contains("not valid JSON at line 2"), message);
    }

    @Test
    void unknownEntity() throws IOException {
        String message = rejected("{\"Shop\": [{\"name\": \"S\"}]}");
        assertTrue(message.contains("at $.Shop"), message);
        assertTrue(message.contains("\"Shop\" is not an entity"), message);
        assertTrue(message.contains("Store"), "lists the known entities: " + message);
    }

    @Test
    void unknownAttribute() throws IOException {
        String message = rejected("{\"Store\": [{\"name\": \"S\", \"title\": \"T\"}]}");
        assertTrue(message.contains("at $.Store[0].title (entity Store, attribute title)"), message);
        assertTrue(message.contains("has no attribute \"title\""), message);
    }

    @Test
    void unknownAttributeOfAnEmbeddable() throws IOException {
        String message = rejected("{\"Store\": [{\"name\": \"S\", \"address\": {\"town\": \"X\"}}]}");
        assertTrue(message.contains("at $.Store[0].address.town (entity Store, attribute town)"), message);
        assertTrue(message.contains("embeddable Address"), message);
    }

    @Test
    void wrongType() throws IOException {
        String message = rejected("{" + STORE + ", \"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": true,"
                + " \"store\": {\"@ref\": \"s\"}}]}");
        assertTrue(message.contains("at $.Product[0].price (entity Product, attribute price)"), message);
        assertTrue(message.contains("BigDecimal"), message);
        assertTrue(message.contains("found a boolean true"), message);
    }

    @Test
    void unknownEnumConstant() throws IOException {
        String message = rejected("{\"User\": [{\"email\": \"a@x\", \"passwordHash\": \"x\", \"role\": \"ROOT\"}]}");
        assertTrue(message.contains("at $.User[0].role (entity User, attribute role)"), message);
        assertTrue(message.contains("CUSTOMER, STAFF, ADMIN"), message);
    }

    @Test
    void missingRequiredAttribute() throws IOException {
        String message = rejected("{\"User\": [{\"email\": \"a@x\"}]}");
        assertTrue(message.contains("at $.User[0] (entity User, attribute passwordHash)"), message);
        assertTrue(message.contains("requires passwordHash"), message);
    }

    @Test
    void missingRequiredAssociation() throws IOException {
        String message = rejected("{\"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1}]}");
        assertTrue(message.contains("(entity Product, attribute store)"), message);
    }

    @Test
    void unknownLabel() throws IOException {
        String message = rejected("{" + STORE + ", \"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1,"
                + " \"store\": {\"@ref\": \"mainStore\"}}]}");
        assertTrue(message.contains("at $.Product[0].store (entity Product, attribute store)"), message);
        assertTrue(message.contains("no object of the file has the label \"mainStore\""), message);
    }

    @Test
    void uniqueViolationWithinTheFile() throws IOException {
        String message = rejected("{\"User\": [" + USER.formatted("a@x") + "], \"AppUser\": ["
                + USER.formatted("a@x") + "]}");
        assertTrue(message.contains("AppUser at $.AppUser[0] and User at $.User[0] have the same email"), message);
        assertTrue(message.contains("unique constraint users_email_key on users"), message);
    }

    @Test
    void foreignKeyViolation() throws IOException {
        String message = rejected("{\"Product\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1,"
                + " \"store\": {\"id\": 999}}]}");
        assertTrue(message.contains("at $.Product[0].store (entity Product, attribute store)"), message);
        assertTrue(message.contains("{\"id\": 999} points at no Store row"), message);
        assertTrue(message.contains("foreign key"), message);
    }

    @Test
    void rowTheDatabaseRefusesRollsBackWhatWasInsertedBefore() throws IOException {
        // The store and the category go in first; the product's sku is longer than its column: all rolled back.
        String message = rejected("{" + STORE + ", \"Category\": [{\"@id\": \"c\", \"name\": \"C\"}],"
                + " \"Product\": [{\"sku\": \"" + "X".repeat(41) + "\", \"name\": \"A\", \"price\": 1,"
                + " \"store\": {\"@ref\": \"s\"}, \"categories\": [{\"@ref\": \"c\"}]}]}");
        assertTrue(message.contains("inserting Product at $.Product[0] failed"), message);
        assertTrue(message.contains("rolled back"), message);
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
