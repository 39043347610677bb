package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import dev.gen.normalize.DesiredNormalizer;
import dev.gen.introspect.Introspector;
import dev.gen.model.Column;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.pg.SqlLexer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 5: entity texts holding more than one statement are refused before anything reaches the server,
 * and the normaliser's transaction cannot commit even if such a text got through.
 */
class EntityTextsTest {

    @TempDir
    Path work;

    private static String item(String pkg, String annotations) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "item")
                public class Item {
                    @Id Long id;
                    %s
                }
                """.formatted(annotations));
    }

    @Test
    void aDefaultHoldingACommitIsRefusedAndNothingIsCommitted() {
        try (SafetyFixture f = SafetyFixture.create("entity_texts", work)) {
            f.execute("CREATE TABLE item (id bigint PRIMARY KEY, qty integer)");
            Path classes = f.entities(Map.of("t1/Item.java", item("t1",
                    "@org.hibernate.annotations.ColumnDefault(\"0; COMMIT; CREATE TABLE pwned(x int)\") Integer qty;")));
            for (String mode : List.of("--check", "--dry-run")) {
                SafetyFixture.Cli result = f.cli("migration:generate", "Hostile", mode, "--config",
                        f.properties(classes).toString());
                assertEquals(5, result.exitCode(), result.toString());
                assertTrue(result.err().contains("t1.Item.qty") && result.err().contains("@ColumnDefault")
                        && result.err().contains("0; COMMIT; CREATE TABLE pwned(x int)")
                        && result.err().contains("statement terminator"), result.err());
                assertEquals(0, f.number("SELECT count(*) FROM pg_class WHERE relname = 'pwned'"), mode);
            }
        }
    }

    @Test
    void aColumnDefinitionOrCheckHoldingAStatementIsRefused() {
        try (SafetyFixture f = SafetyFixture.create("entity_texts_new", work)) {
            Path definition = f.entities(Map.of("t2/Item.java", item("t2",
                    "@Column(columnDefinition = \"int); COMMIT; CREATE TABLE pwned(x int); --\") Integer qty;")));
            SafetyFixture.Cli refused = f.cli("migration:generate", "Hostile", "--check", "--config",
                    f.properties(definition).toString());
            assertEquals(5, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("t2.Item.qty") && refused.err().contains("columnDefinition"),
                    refused.err());
            Path check = f.entities(Map.of("t3/Item.java", SafetyFixture.entity("t3", """
                    @Entity
                    @Table(name = "item")
                    @org.hibernate.annotations.Check(constraints = "qty > 0 $x$; COMMIT; CREATE TABLE pwned(x int)")
                    public class Item {
                        @Id Long id;
                        Integer qty;
                    }
                    """)));
            SafetyFixture.Cli checkRefused = f.cli("migration:generate", "Hostile", "--dry-run", "--config",
                    f.properties(check).toString());
            assertEquals(5, checkRefused.exitCode(), checkRefused.toString());
            assertTrue(checkRefused.err().contains("@Check"), checkRefused.err());
            assertEquals(0, f.number("SELECT count(*) FROM pg_class WHERE relname = 'pwned'"));
            // a ; inside a literal, a quoted identifier or a comment is no terminator
            Path fine = f.entities(Map.of("t4/Item.java", item("t4",
                    "@org.hibernate.annotations.ColumnDefault(\"'a;b' /* ; */\") String note;")));
            assertTrue(f.generate(fine, GenerateRequest.check()).hasChanges());
        }
    }

    @Test
    void aNulCharacterInANameIsAMappingErrorAndControlCharactersPrintEscaped() {
        try (SafetyFixture f = SafetyFixture.create("entity_names", work)) {
            Path nul = f.entities(Map.of("t5/Item.java", item("t5", "@Column(name = \"a\\u0000b\") String note;")));
            SafetyFixture.Cli refused = f.cli("migration:generate", "--check", "--config", f.properties(nul).toString());
            assertEquals(5, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("t5.Item.note") && refused.err().contains("NUL")
                    && refused.err().contains("a\\u0000b"), refused.err());
            Path escape = f.entities(Map.of("t6/Item.java", item("t6",
                    "@org.hibernate.annotations.ColumnDefault(\"1; \\u001b[2J\") @Column(name = \"x\\u001b[31m\") Integer x;")));
            SafetyFixture.Cli printed = f.cli("migration:generate", "--check", "--config",
                    f.properties(escape).toString());
            assertEquals(5, printed.exitCode(), printed.toString());
            assertTrue(!printed.err().contains("\u001b") && printed.err().contains("\\u001b[31m"), printed.err());
        }
    }

    /** The second line of defence: a COMMIT that reached the normaliser's transaction cannot take effect. */
    @Test
    void theNormalisersTransactionCannotCommit() throws Exception {
        try (SafetyFixture f = SafetyFixture.create("entity_texts_guard", work)) {
            f.execute("CREATE TABLE item (id bigint PRIMARY KEY, qty integer)");
            QualifiedName item = QualifiedName.of("public", "item");
            Table hostile = new Table(item, List.of(Column.of("id", "bigint", false),
                    Column.of("qty", "integer", true).withDefault(
                            "0); COMMIT; CREATE TABLE pwned(x int); CREATE TEMPORARY TABLE rest (x int DEFAULT 0")),
                    null, List.of(), List.of(), List.of(), List.of(), null);
            try (Connection connection = f.db.connect()) {
                Schema current = Introspector.read(connection, Set.of("public"), name -> false).schema();
                Schema desired = current.withTables(Map.of(item, hostile));
                assertThrows(Exception.class, () -> DesiredNormalizer.normalize(connection, desired, current));
                assertTrue(connection.getAutoCommit());
            }
            assertEquals(0, f.number("SELECT count(*) FROM pg_class WHERE relname = 'pwned'"));
        }
    }

    @Test
    void theLexerSeesStatementsAsPostgreSqlDoes() {
        assertTrue(SqlLexer.problem("0").isEmpty());
        assertTrue(SqlLexer.problem("'it''s; fine'").isEmpty());
        assertTrue(SqlLexer.problem("E'\\'; still a literal'").isEmpty());
        assertTrue(SqlLexer.problem("$tag$ ; $tag$").isEmpty());
        assertTrue(SqlLexer.problem("\"a;b\" > 0").isEmpty());
        assertTrue(SqlLexer.problem("/* a /* nested ; */ comment */ 1").isEmpty());
        assertTrue(SqlLexer.problem("lower(name)").isEmpty());
        assertTrue(SqlLexer.problem("0; COMMIT").isPresent());
        assertTrue(SqlLexer.problem("'open").isPresent());
        assertTrue(SqlLexer.problem("1 -- hides the rest").isPresent());
        assertTrue(SqlLexer.problem("1) , other int").isPresent());
        assertTrue(SqlLexer.problem("$$ open").isPresent());
        assertTrue(SqlLexer.problem("/* open").isPresent());
    }
}
