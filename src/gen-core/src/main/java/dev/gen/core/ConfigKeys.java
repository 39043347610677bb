package dev.gen.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The one table of gen's own configuration keys and what a valid value of each looks like. A misspelled key must
 * not be ignored: {@code exclude-tables=keepme} would turn an intended exclusion into a planned drop, so every key
 * of a properties file is either in this table, a {@code hibernate.*} or {@code jakarta.persistence.*} setting
 * (passed to Hibernate), or a configuration error naming the nearest known key.
 */
final class ConfigKeys {

    /** A key's valid values, and how to say what they are. */
    private record Rule(Predicate<String> valid, String expected) {
    }

    private static final Rule ANY = new Rule(value -> true, "any text");
    private static final Rule BOOLEAN = new Rule(
            value -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"), "true or false");
    private static final Rule NAME = new Rule(value -> !value.isBlank(), "a non-empty name");

    private static final Map<String, Rule> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("url", ANY);
        KEYS.put("user", ANY);
        KEYS.put("password", ANY);
        KEYS.put("schema", NAME);
        KEYS.put("classpath", ANY);
        KEYS.put("packages", ANY);
        KEYS.put("dir", NAME);
        KEYS.put("history-table", NAME);
        KEYS.put("exclude-table", ANY);
        KEYS.put("exclude-service", ANY);
        KEYS.put("migrations-classpath", ANY);
        KEYS.put("migrations-package", ANY);
        KEYS.put("migration-lock-timeout", ANY); // checked by EmitOptions, which knows durations
        KEYS.put("online", BOOLEAN);
        KEYS.put("locations", ANY);
        KEYS.put("shadow-url", ANY);
        KEYS.put("spring-profile", ANY);
        KEYS.put("persistence-unit", ANY);
        KEYS.put("large-table-rows", ANY); // checked by ConfigResolver, which knows the size forms
        KEYS.put("large-table-bytes", ANY);
    }

    private ConfigKeys() {
    }

    /** Settings that go to Hibernate unchanged. */
    static boolean isHibernateKey(String key) {
        return key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.");
    }

    /** Refuses an unknown key of the file, naming the nearest known one. */
    static void checkKeys(Properties file, Object source) {
        for (String key : new java.util.TreeSet<>(file.stringPropertyNames())) {
            if (!KEYS.containsKey(key) && !isHibernateKey(key)) {
                throw new GenException("Unknown key " + Printable.of(key) + " in " + source + "; gen would ignore"
                        + " it. Did you mean " + nearest(key) + "? Known keys: " + String.join(", ", KEYS.keySet())
                        + ", and any hibernate.* or jakarta.persistence.* setting for Hibernate.", ExitCodes.USAGE);
            }
        }
    }

    /** Refuses a value the key cannot take; {@code where} says where it was set (file, flag, variable). */
    static void checkValue(String key, String value, String where) {
        Rule rule = KEYS.get(key);
        if (value != null && rule != null && !rule.valid().test(value.trim())) {
            throw new GenException("Invalid value " + Printable.of(value) + " for " + key + " (" + where + "): it must"
                    + " be " + rule.expected() + ".", ExitCodes.USAGE);
        }
    }

    static boolean parseBoolean(String value) {
        return value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    static String nearest(String key) {
        return KEYS.keySet().stream().min(Comparator.comparingInt((String known) -> distance(key, known))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }
}
