package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.api.Migration;
import dev.gen.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaStringLiteralsTest {

    /** Every case a text block or a plain literal could get wrong. */
    private static final List<String> TRICKY = List.of(
            // plain and quoted
            "SELECT 1",
            "",
            "SELECT 'it''s'",
            "ALTER TABLE \"public\".\"users\" ADD COLUMN \"notes\" varchar(255)",
            // backslashes, including ones that look like escapes or Unicode escapes to the compiler
            "COMMENT ON TABLE \"t\" IS 'back\\slash \\\\ \\n \\s \\\" \\u0022 \\u000a \\\\u0022 end\\'",
            "SELECT E'\\\\' AS \"x\"\\",
            // quote runs that could close a text block
            "SELECT '\"\"\"' AS \"q\"",
            "\"\"\"\"\"\"",
            "\"",
            "\"\"",
            "\"\"\"",
            "SELECT \"a\"",
            "SELECT \"a\"\"",
            "\"\"\"\nx\n\"\"\"",
            // line breaks, at the start, the end, in a row, and the ones that are not \n
            "SELECT \"a\"\n  FROM \"b\"\n WHERE 1 = 1",
            "\nSELECT \"a\"",
            "SELECT \"a\"\n",
            "\n\n",
            "\n",
            "SELECT \"a\"\r\nFROM \"b\"\r",
            "\"a\"\n\n\nb",
            // indentation and trailing white space that text blocks strip
            "   SELECT \"x\"",
            "  a\"\n  b\n    c",
            "\n  a\"\n  b",
            "SELECT \"x\"   \n  y  ",
            "a\"\n   \nb",
            " ",
            "\" \"",
            "\tSELECT \"a\"\t\n\t\tb\t",
            "\u000bSELECT \"a\"\u000b\n\u001fb\u001c",
            // beyond ASCII, including white space a text block would strip and invisible characters
            "COMMENT ON TABLE \"t\" IS 'Gr\u00fc\u00dfe \ud83d\udc4b \u65e5\u672c'",
            "\u2000SELECT \"a\"\u2000",
            "SELECT \"a\"\u3000\nb",
            "\"a\"\n\u2028b",
            "\"a\"\u2028\u2029\u0085b",
            "\"a\"\u00a0",
            "SELECT \"\u202eabc\" \ufeff",
            "\ud800 lone \"surrogate\" \udfff",
            // dollars and format-looking text JavaPoet must not interpret
            "SELECT $$body \"x\"$$, '$L $S $N $T $$'",
            "$1",
            // control characters, including one an octal escape could run into
            "\u0000\u0001\u00012\u007f\b\f\"",
            "SELECT 1 /* */ -- \"c\"",
            // long, without quotes: still a text block for readability
            "CREATE INDEX CONCURRENTLY orders_placed_at_customer_id_idx ON public.orders (placed_at, customer_id)");

    @TempDir
    Path work;

    @Test
    void everyStatementArrivesByteForByte() throws Exception {
        Plan plan = SamplePlans.ofStatements(TRICKY);
        GeneratedMigration generated = new MigrationEmitter().emit("Tricky", SamplePlans.TIMESTAMP, plan,
                EmitOptions.defaults());
        CompiledMigrations.assertAscii(generated.javaSource());
        Migration migration = CompiledMigrations.compileAndLoad(work, generated, "");
        assertEquals(plan.upStatements(), CompiledMigrations.up(migration), generated.javaSource());
        assertEquals(plan.downStatements(), CompiledMigrations.down(migration), generated.javaSource());
    }

    @Test
    void quotedIdentifiersGiveATextBlockWithoutEscapes() {
        assertEquals("\"\"\"\nALTER TABLE \"public\".\"users\" ADD COLUMN \"notes\" varchar(255)\"\"\"",
                JavaStringLiterals.literal("ALTER TABLE \"public\".\"users\" ADD COLUMN \"notes\" varchar(255)"));
    }

    @Test
    void shortStatementsWithoutQuotesStayPlain() {
        assertEquals("\"SELECT 'it''s'\"", JavaStringLiterals.literal("SELECT 'it''s'"));
        assertEquals("\"\"", JavaStringLiterals.literal(""));
    }

    @Test
    void longStatementsBecomeTextBlocks() {
        // MAX_PLAIN_LENGTH counts the quotes too
        String longStatement = "x".repeat(JavaStringLiterals.MAX_PLAIN_LENGTH - 2);
        assertEquals("\"" + longStatement + "\"", JavaStringLiterals.literal(longStatement));
        assertTrue(JavaStringLiterals.literal(longStatement + "x").startsWith("\"\"\"\n"));
    }

    @Test
    void textBlocksEscapeOnlyWhatTheyMust() {
        assertEquals("\"\"\"\nSELECT \"a\",\n  \"b\"\\s\n\"\"\"",
                JavaStringLiterals.literal("SELECT \"a\",\n  \"b\" \n"));
        assertEquals("\"\"\"\n\"\"\\\"\"\"\\\"\"\"\"", JavaStringLiterals.literal("\"\"\"\"\"\""));
        assertEquals("\"\"\"\n\\s \"a\\\"\"\"\"", JavaStringLiterals.literal("  \"a\""));
    }

    @Test
    void whiteSpaceOnlyAUnicodeEscapeCanWriteFallsBackToAPlainLiteral() {
        assertEquals("\"\\u2000\\\"a\\\"\"", JavaStringLiterals.literal("\u2000\"a\""));
        assertEquals("\"\\\"a\\\"\\u2028\\nb\"", JavaStringLiterals.literal("\"a\"\u2028\nb"));
        assertEquals("\"\\\"a\\\"\\n\\u0085b\"", JavaStringLiterals.literal("\"a\"\n\u0085b"));
    }

    @Test
    void plainLiteralsEscapeControlsInOctalAndTheRestAsUnicode() {
        assertEquals("\"\\000\\0012\\177\\t\\r\\n\\u00e9\\ud83d\\udc4b\"",
                JavaStringLiterals.quoted("\u0000\u00012\u007f\t\r\n\u00e9\ud83d\udc4b"));
    }
}
