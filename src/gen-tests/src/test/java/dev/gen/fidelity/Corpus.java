package dev.gen.fidelity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entity models of the fidelity corpus, as source text (several small models rather than one huge one). */
final class Corpus {

    private Corpus() {
    }

    /** A model: its sources, the application's Hibernate settings, and the schemas gen manages. */
    record Spec(String name, Map<String, String> sources, Map<String, String> settings, List<String> schemas) {
        Spec with(String key, String value) {
            Map<String, String> copy = new LinkedHashMap<>(settings);
            copy.put(key, value);
            return new Spec(name, sources, copy, schemas);
        }

        Spec schemas(String... names) {
            return new Spec(name, sources, settings, List.of(names));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A model's evolution: v1 migrated to v2, reverted to v1 when {@code reversible}, with these backfills. */
    record Pair(String name, Spec v1, Spec v2, boolean reversible, Map<String, String> backfills) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A reversible evolution that needs no backfill. */
    static Pair pair(String name, Spec v1, Spec v2) {
        return new Pair(name, v1, v2, true, Map.of());
    }

    static Spec spec(String name, Map<String, String> sources) {
        return new Spec(name, sources, Map.of(), List.of("public"));
    }

    static final String IMPORTS = """
            import jakarta.persistence.*;
            import jakarta.persistence.CascadeType;
            import org.hibernate.annotations.*;
            import org.hibernate.type.SqlTypes;
            import java.io.Serializable;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            """;

    /** Source files in package {@code pkg}: each body is one top-level type; the imports are added. */
    static Map<String, String> sources(String pkg, String... classes) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String body : classes) {
            String name = body.replaceAll("(?s)^.*?\\b(?:class|enum|interface|record)\\s+(\\w+).*$", "$1");
            sources.put(pkg.replace('.', '/') + "/" + name + ".java", "package " + pkg + ";\n" + IMPORTS + body);
        }
        return sources;
    }

    static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }
}
