package dev.gen.appconfig;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Spring's {@code ${name}} and {@code ${name:default}} placeholders, resolved against the application's own
 * properties and then the environment ({@code SPRING_DATASOURCE_URL} style names too), as the application resolves
 * them at start-up.
 */
final class Placeholders {

    private Placeholders() {
    }

    /** The value with every placeholder replaced, or empty when one has neither a value nor a default. */
    static Optional<String> resolve(String value, Map<String, String> properties, Map<String, String> env) {
        return resolve(value, key -> lookup(key, properties, env), 0);
    }

    private static Optional<String> resolve(String value, Function<String, String> lookup, int depth) {
        if (value == null || depth > 10) {
            return Optional.ofNullable(value);
        }
        StringBuilder result = new StringBuilder();
        int at = 0;
        while (true) {
            int start = value.indexOf("${", at);
            if (start < 0) {
                result.append(value, at, value.length());
                return Optional.of(result.toString());
            }
            int end = closing(value, start + 2);
            if (end < 0) {
                result.append(value, at, value.length());
                return Optional.of(result.toString());
            }
            result.append(value, at, start);
            String inner = value.substring(start + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String found = lookup.apply(name);
            if (found == null && colon >= 0) {
                found = inner.substring(colon + 1);
            }
            if (found == null) {
                return Optional.empty();
            }
            Optional<String> nested = resolve(found, lookup, depth + 1);
            if (nested.isEmpty()) {
                return nested;
            }
            result.append(nested.get());
            at = end + 1;
        }
    }

    private static int closing(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String lookup(String key, Map<String, String> properties, Map<String, String> env) {
        if (properties.containsKey(key)) {
            return properties.get(key);
        }
        if (env.containsKey(key)) {
            return env.get(key);
        }
        return env.get(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
}
