package dev.gen.hibernate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to boot Hibernate for the desired schema.
 *
 * @param defaultSchema the PostgreSQL schema for tables that name none (Hibernate's
 *     {@code hibernate.default_schema} wins when set)
 * @param hibernateProperties every {@code hibernate.*} and {@code jakarta.persistence.*} key from the
 *     configuration, passed to Hibernate's boot unchanged
 */
public record TargetSettings(String defaultSchema, Map<String, String> hibernateProperties) {
    public TargetSettings {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
        hibernateProperties = Map.copyOf(new TreeMap<>(hibernateProperties));
    }

    public static TargetSettings defaults() {
        return new TargetSettings("public", Map.of());
    }
}
