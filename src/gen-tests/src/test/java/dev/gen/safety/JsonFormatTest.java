package dev.gen.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gen.core.GenerateRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Must show 5: {@code generate --check --format json} prints the changes with their hazard classes. */
class JsonFormatTest {

    private static String user(String pkg, String tableExtra, String fields) {
        return SafetyFixture.entity(pkg, """
                @Entity
                @Table(name = "users"%s)
                public class User {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    %s
                }
                """.formatted(tableExtra, fields));
    }

    @Test
    void checkPrintsThePinnedJsonDocument() {
        try (SafetyFixture f = SafetyFixture.create("json")) {
            Path v1 = f.entities(Map.of("j1/User.java", user("j1", "",
                    "@Column(length = 20) String nick; @Column(length = 50) String city;")));
            f.generate(v1, GenerateRequest.write("CreateUsers").at(SafetyFixture.T0));
            f.run(v1);
            f.execute("INSERT INTO users (nick, city) VALUES ('ann', 'Oslo')");

            Path v2 = f.entities(Map.of("j2/User.java", user("j2",
                    ", indexes = @Index(name = \"users_nick_idx\", columnList = \"nick\")",
                    "@Column(length = 40) String nick; Integer age;")));
            SafetyFixture.Cli check = f.cli("migration:generate", "--check", "--format", "json",
                    "--config", f.properties(v2).toString(), "--no-cache", "--allow-destructive");
            assertEquals(1, check.exitCode(), check.err());
            assertEquals(GOLDEN, check.out());
        }
    }

    private static final String GOLDEN = """
            {
              "version": 1,
              "migration": null,
              "file": null,
              "parts": [],
              "transactional": true,
              "hazards": [
                "destructive",
                "long-lock"
              ],
              "downHazards": [
                "destructive",
                "data-dependent",
                "table-rewrite",
                "long-lock"
              ],
              "refusedChanges": 0,
              "changes": [
                {
                  "kind": "add-column",
                  "table": "public.users",
                  "description": "add column public.users.age integer",
                  "hazards": [],
                  "lock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "tableSize": null,
                  "verdict": "allowed",
                  "refused": null,
                  "dataRestoredByDown": true,
                  "downHazards": [
                    "destructive"
                  ],
                  "downLock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "up": [
                    "ALTER TABLE \\"public\\".\\"users\\" ADD COLUMN \\"age\\" integer"
                  ],
                  "down": [
                    "ALTER TABLE \\"public\\".\\"users\\" DROP COLUMN \\"age\\""
                  ]
                },
                {
                  "kind": "drop-column",
                  "table": "public.users",
                  "description": "drop column public.users.city (its data is lost)",
                  "hazards": [
                    "destructive"
                  ],
                  "lock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "tableSize": null,
                  "verdict": "allowed",
                  "refused": null,
                  "dataRestoredByDown": false,
                  "downHazards": [],
                  "downLock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "up": [
                    "ALTER TABLE \\"public\\".\\"users\\" DROP COLUMN \\"city\\""
                  ],
                  "down": [
                    "ALTER TABLE \\"public\\".\\"users\\" ADD COLUMN \\"city\\" varchar(50)"
                  ]
                },
                {
                  "kind": "alter-column-type",
                  "table": "public.users",
                  "description": "change type of public.users.nick from character varying(20) to character varying(40)",
                  "hazards": [],
                  "lock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "tableSize": null,
                  "verdict": "allowed",
                  "refused": null,
                  "dataRestoredByDown": true,
                  "downHazards": [
                    "data-dependent",
                    "table-rewrite",
                    "long-lock"
                  ],
                  "downLock": {
                    "level": "access-exclusive",
                    "held": "while the table is rewritten",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE while the table is rewritten: reads and writes wait"
                  },
                  "up": [
                    "ALTER TABLE \\"public\\".\\"users\\" ALTER COLUMN \\"nick\\" TYPE varchar(40)"
                  ],
                  "down": [
                    "DO $gen$\\nDECLARE\\n    offending bigint;\\nBEGIN\\n    SELECT count(*) INTO offending FROM \\"public\\".\\"users\\" WHERE char_length(\\"nick\\") > 20;\\n    IF offending > 0 THEN\\n        RAISE EXCEPTION 'gen: % row(s) of public.users.nick do not fit in character varying(20) (char_length(\\"nick\\") > 20); the migration stops before the type change so that nothing is cut. Fix or delete those rows first.', offending USING ERRCODE = 'check_violation';\\n    END IF;\\nEND\\n$gen$",
                    "ALTER TABLE \\"public\\".\\"users\\" ALTER COLUMN \\"nick\\" TYPE varchar(20)"
                  ]
                },
                {
                  "kind": "create-index",
                  "table": "public.users",
                  "description": "create index users_nick_idx on public.users[nick]",
                  "hazards": [
                    "long-lock"
                  ],
                  "lock": {
                    "level": "share",
                    "held": "while the index is built",
                    "blocks": "writes wait, reads go on",
                    "text": "SHARE while the index is built: writes wait, reads go on"
                  },
                  "tableSize": null,
                  "verdict": "allowed",
                  "refused": null,
                  "dataRestoredByDown": true,
                  "downHazards": [],
                  "downLock": {
                    "level": "access-exclusive",
                    "held": "briefly (a catalog change)",
                    "blocks": "reads and writes wait",
                    "text": "ACCESS EXCLUSIVE briefly (a catalog change): reads and writes wait"
                  },
                  "up": [
                    "CREATE INDEX \\"users_nick_idx\\" ON \\"public\\".\\"users\\" (\\"nick\\")"
                  ],
                  "down": [
                    "DROP INDEX \\"public\\".\\"users_nick_idx\\""
                  ]
                }
              ]
            }
            """;
}
