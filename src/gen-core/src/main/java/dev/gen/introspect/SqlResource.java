package dev.gen.introspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The catalog queries, kept as {@code .sql} files next to this class so that they read as SQL. */
final class SqlResource {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResource() {
    }

    /** The text of {@code dev/gen/introspect/<name>.sql}. */
    static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlResource::read);
    }

    private static String read(String name) {
        String path = name + ".sql";
        try (InputStream in = SqlResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/gen/introspect/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
