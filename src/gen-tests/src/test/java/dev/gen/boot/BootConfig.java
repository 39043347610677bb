package dev.gen.boot;

import dev.gen.core.ConfigResolver;
import dev.gen.core.GenConfig;
import dev.gen.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Only what gen needs to connect and find the classes: the application's own configuration does the rest. */
final class BootConfig {

    private BootConfig() {
    }

    static GenConfig of(Path work, List<Path> classpath, TestDatabase db) {
        Map<String, String> flags = new HashMap<>();
        flags.put("classpath", String.join(":", classpath.stream().map(Path::toString).toList()));
        flags.put("url", db.jdbcUrl());
        flags.put("user", db.user());
        flags.put("dir", work.resolve("migrations-" + db.name()).toString());
        return ConfigResolver.resolve(flags, Map.of(), null, work);
    }
}
