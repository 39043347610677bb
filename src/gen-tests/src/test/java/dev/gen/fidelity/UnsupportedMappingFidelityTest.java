package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.sources;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.Generator;
import dev.gen.testing.FidelityHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What gen cannot express fails with a message naming the table and the mapping, and writes nothing. */
class UnsupportedMappingFidelityTest extends FidelitySuite {

    UnsupportedMappingFidelityTest() {
        super("unsupported");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "generated_column|@GeneratedColumn(\"a * 2\") Integer twice;|generated column",
            "collation|@Collate(\"C\") String label;|collation",
            "table_options|String label;|table options"})
    void refused(String name, String field, String expected) throws Exception {
        String table = name.equals("table_options")
                ? "@jakarta.persistence.Table(name = \"gadget\", options = \"with (fillfactor = 70)\")" : "@jakarta.persistence.Table(name = \"gadget\")";
        FidelityHarness.Model model = harness.model(name, sources("u." + name, "@Entity\n" + table
                + "\npublic class Gadget { @Id Long id; Integer a; " + field + " }\n"));
        FidelityHarness.reset(harness.genDatabase());
        Path migrations = Files.createTempDirectory("gen-unsupported");
        GenException error = assertThrows(GenException.class, () -> Generator.generate(
                harness.config(model, harness.genDatabase(), migrations), GenerateRequest.write("Unsupported")));
        assertTrue(error.getMessage().contains("gadget") && error.getMessage().contains(expected), error.getMessage());
        assertTrue(error.getMessage().contains("(entity u." + name + ".Gadget)"), "names the entity: " + error.getMessage());
        try (var files = Files.list(migrations)) {
            assertTrue(files.findAny().isEmpty(), "nothing written");
        }
    }
}
