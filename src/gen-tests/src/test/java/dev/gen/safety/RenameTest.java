package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.diff.RenameCandidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Must show 1: a renamed field keeps its data; an unconfirmed rename is refused; down renames back. */
class RenameTest {

    private static String user(String pkg, String nickColumn) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users")
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(name = "%s", length = 100) String nick;
                    @Column(unique = true, length = 200) String email;
                }
                """.formatted(nickColumn));
    }

    @Test
    void renamedColumnKeepsItsDataAndUnconfirmedRenameIsRefused() throws Exception {
        try (SafetyFixture f = SafetyFixture.create("rename_col")) {
            Path v1 = f.entities(Map.of("r1/User.java", user("r1", "nick")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick, email) VALUES ('alice', 'a@x'), ('bob', 'b@x')");

            Path v2 = f.entities(Map.of("r2/User.java", user("r2", "nickname")));
            Path config = f.properties(v2);

            // no flag, no terminal: exit 3 naming the candidate and the flag that resolves it
            SafetyFixture.Cli refused = f.cli("migration:generate", "RenameNick", "--config", config.toString(),
                    "--no-cache");
            assertEquals(3, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("users.nick to users.nickname"), refused.err());
            assertTrue(refused.err().contains("--rename users.nick=nickname"), refused.err());
            assertTrue(refused.err().contains("--allow-destructive"), refused.err());
            try (var files = Files.list(f.migrations)) {
                assertEquals(1, files.count(), "nothing written");
            }

            SafetyFixture.Cli written = f.cli("migration:generate", "RenameNick", "--config", config.toString(),
                    "--no-cache", "--rename", "users.nick=nickname", "-t", String.valueOf(SafetyFixture.T0 + 1000));
            assertEquals(0, written.exitCode(), written.err());
            assertTrue(written.out().contains("rename column public.users.nick to nickname"), written.out());
            assertFalse(written.out().contains("drop"), written.out());

            f.run(v2);
            assertEquals(List.of("alice", "bob"), f.strings("SELECT nickname FROM users ORDER BY id"));
            // the unique key on email and everything else still match: nothing left to do
            SafetyFixture.Cli again = f.cli("migration:generate", "--check", "--config", config.toString(),
                    "--no-cache");
            assertEquals(0, again.exitCode(), again.out() + again.err());

            f.revert(v2);
            assertTrue(f.columns("users").contains("nick"), f.columns("users").toString());
            assertFalse(f.columns("users").contains("nickname"));
            assertEquals(List.of("alice", "bob"), f.strings("SELECT nick FROM users ORDER BY id"));
        }
    }

    @Test
    void detectedTableAndColumnRenamesAskAndCarryConstraintsAlong() {
        try (SafetyFixture f = SafetyFixture.create("rename_tbl")) {
            Path v1 = f.entities(Map.of(
                    "t1/Author.java", SafetyFixture.entity("t1", """
                            @Entity @Table(name = "author")
                            public class Author {
                                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                                @Column(unique = true, nullable = false, length = 80) String name;
                            }"""),
                    "t1/Book.java", SafetyFixture.entity("t1", """
                            @Entity @Table(name = "book", indexes = @Index(name = "book_title_idx", columnList = "title"))
                            public class Book {
                                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                                @Column(length = 120) String title;
                                @ManyToOne Author author;
                            }""")));
            f.generate(v1, GenerateRequest.write("CreateBooks").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO author (name) VALUES ('Le Guin')",
                    "INSERT INTO book (title, author_id) SELECT 'Earthsea', id FROM author");

            Path v2 = f.entities(Map.of(
                    "t2/Author.java", SafetyFixture.entity("t2", """
                            @Entity @Table(name = "writer")
                            public class Author {
                                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                                @Column(unique = true, nullable = false, length = 80) String name;
                            }"""),
                    "t2/Book.java", SafetyFixture.entity("t2", """
                            @Entity @Table(name = "book", indexes = @Index(name = "book_title_idx", columnList = "headline"))
                            public class Book {
                                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                                @Column(length = 120) String headline;
                                @ManyToOne Author author;
                            }""")));
            List<String> questions = new ArrayList<>();
            List<RenameCandidate> asked = new ArrayList<>();
            GenerateResult result = f.generate(v2, GenerateRequest.write("RenameThings").at(SafetyFixture.T0 + 1000)
                    .withRenameResolver((question, candidate) -> {
                        questions.add(question);
                        asked.add(candidate);
                        return true;
                    }));
            assertEquals(List.of("Did you rename author to writer? [y/N]",
                    "Did you rename book.title to book.headline? [y/N]"), questions);
            List<String> kinds = result.plan().steps().stream().map(s -> s.change().getClass().getSimpleName())
                    .toList();
            assertEquals(List.of("RenameTable", "RenameColumn"), kinds, result.plan().upStatements().toString());

            f.run(v2);
            assertEquals(List.of("Earthsea"), f.strings("SELECT headline FROM book"));
            assertEquals(List.of("Le Guin"), f.strings(
                    "SELECT w.name FROM book b JOIN writer w ON w.id = b.author_id"));
            GenerateResult again = f.generate(v2, GenerateRequest.check());
            assertFalse(again.hasChanges(), () -> again.plan().upStatements().toString());
        }
    }

    private static Map<String, String> account(String pkg, String... labels) {
        return Map.of(pkg + "/Account.java", SafetyFixture.entity(pkg, """
                        @Entity @Table(name = "account")
                        public class Account {
                            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                            @Enumerated(jakarta.persistence.EnumType.STRING)
                            @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)
                            AccountState state;
                        }"""),
                pkg + "/AccountState.java", "package " + pkg + ";\npublic enum AccountState { "
                        + String.join(", ", labels) + " }\n");
    }

    @Test
    void renamedEnumLabelKeepsTheRowsValue() {
        try (SafetyFixture f = SafetyFixture.create("rename_enum")) {
            Path v1 = f.entities(account("e1", "ACTIVE", "BANNED"));
            f.generate(v1, GenerateRequest.write("CreateAccounts").at(SafetyFixture.T0));
            f.run(v1);
            String type = f.string("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'public.account'::regclass AND attname = 'state'");
            f.execute("INSERT INTO account (state) VALUES ('ACTIVE'), ('BANNED')");

            Path v2 = f.entities(account("e2", "ACTIVE", "BLOCKED"));
            dev.gen.core.GenException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.gen.core.GenException.class,
                    () -> f.generate(v2, GenerateRequest.write("RenameLabel").at(SafetyFixture.T0 + 1000)));
            assertEquals(3, refused.exitCode());
            assertTrue(refused.getMessage().contains("--rename-enum-value " + type + ".BANNED=BLOCKED"),
                    refused.getMessage());

            GenerateResult result = f.generate(v2, GenerateRequest.write("RenameLabel").at(SafetyFixture.T0 + 1000)
                    .withRenameResolver((question, candidate) -> true));
            assertEquals(List.of("ALTER TYPE \"public\".\"" + type + "\" RENAME VALUE 'BANNED' TO 'BLOCKED'"),
                    result.plan().upStatements());
            f.run(v2);
            assertEquals(List.of("ACTIVE", "BLOCKED"), f.strings("SELECT state::text FROM account ORDER BY id"));
            assertFalse(f.generate(v2, GenerateRequest.check()).hasChanges());
            f.revert(v2);
            assertEquals(List.of("ACTIVE", "BANNED"), f.strings("SELECT state::text FROM account ORDER BY id"));
        }
    }
}
