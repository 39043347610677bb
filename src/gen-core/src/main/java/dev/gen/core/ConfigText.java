package dev.gen.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A properties file read as strict UTF-8: an invalid byte is an error (not a replacement character in a
 * password or a table name), and a leading byte order mark, which Windows editors write, is skipped rather than
 * becoming part of the first key.
 */
final class ConfigText {

    private ConfigText() {
    }

    static Reader reader(Path path) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(path), 3);
        byte[] head = in.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf;
        if (!bom && head.length > 0) {
            in.unread(head);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
