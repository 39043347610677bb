package dev.gen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 item 7 and the properties file's encoding: a key gen would ignore, or misread, is an error. */
class ConfigValidationTest {

    @TempDir
    Path dir;

    private GenConfig resolve(byte[] file, Map<String, String> env) throws Exception {
        Files.write(dir.resolve("gen.properties"), file);
        return ConfigResolver.resolve(Map.of(), env, null, dir);
    }

    private GenConfig resolve(String file) throws Exception {
        return resolve(file.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void aMisspelledKeyIsRefusedNamingTheNearestOne() {
        GenException e = assertThrows(GenException.class,
                () -> resolve("url=jdbc:postgresql://h/db\nexclude-tables=keepme\n"));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("Unknown key exclude-tables"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean exclude-table?"), e.getMessage());
    }

    @Test
    void anInvalidValueIsRefusedNamingTheKey() {
        GenException e = assertThrows(GenException.class, () -> resolve("url=jdbc:postgresql://h/db\nonline=yes\n"));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("yes") && e.getMessage().contains("online")
                && e.getMessage().contains("true or false"), e.getMessage());
        GenException env = assertThrows(GenException.class,
                () -> resolve("url=jdbc:postgresql://h/db\n".getBytes(StandardCharsets.UTF_8),
                        Map.of("GEN_ONLINE", "1")));
        assertTrue(env.getMessage().contains("GEN_ONLINE"), env.getMessage());
    }

    @Test
    void knownKeysAndHibernateSettingsStillWork() throws Exception {
        GenConfig config = resolve("url=jdbc:postgresql://h/db\nexclude-table=keepme\nonline=TRUE\n"
                + "hibernate.default_schema=app\njakarta.persistence.validation.mode=none\n");
        assertEquals(List.of("keepme"), config.excludeTables());
        assertTrue(config.online());
        assertEquals("app", config.properties().get("hibernate.default_schema"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        byte[] text = "url=jdbc:postgresql://h/db\nschema=app\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(text, 0, withBom, 3, text.length);
        GenConfig config = resolve(withBom, Map.of());
        assertEquals("jdbc:postgresql://h/db", config.url());
        assertEquals(List.of("app"), config.schemas());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = "url=jdbc:postgresql://h/db\nuser=m\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        GenException e = assertThrows(GenException.class, () -> resolve(latin1, Map.of()));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("is not UTF-8 text") && e.getMessage().contains("Save it as UTF-8"),
                e.getMessage());
    }

    @Test
    void controlCharactersArePrintedEscaped() {
        assertEquals("a\\u001b[31mb\\u0000", Printable.of("a\u001b[31mb\u0000"));
        assertEquals("line\nnext", Printable.of("line\nnext"));
    }
}
