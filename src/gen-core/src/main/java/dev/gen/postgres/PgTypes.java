package dev.gen.postgres;

import dev.gen.model.ColumnType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type names between the spellings Hibernate writes in DDL and the one PostgreSQL's {@code format_type()}
 * returns, without a database.
 *
 * <p>{@link #canonical(String)} knows the types Hibernate's PostgreSQL dialect emits (and their common
 * synonyms); everything else (a {@code columnDefinition}, a user-defined type) is left for PostgreSQL itself
 * to normalise, see {@code dev.gen.normalize.DesiredNormalizer}. Every mapping here is checked against a real
 * server in {@code PgTypesTest}: the server is the oracle, this class is only a shortcut that saves a round trip.
 */
public final class PgTypes {

    /** PostgreSQL silently clamps fractional-second precision above this (with a warning). */
    private static final int MAX_SECONDS_PRECISION = 6;
    private static final int MAX_CHARACTER_LENGTH = 10_485_760;
    private static final int MAX_BIT_LENGTH = 83_886_080;
    private static final int MAX_NUMERIC_PRECISION = 1000;

    /** Names that take no modifier and are already their own canonical spelling, or a synonym of one. */
    private static final Map<String, String> SIMPLE = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("smallint", "smallint"),
            Map.entry("float8", "double precision"),
            Map.entry("double precision", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("real", "real"),
            Map.entry("bool", "boolean"),
            Map.entry("boolean", "boolean"),
            Map.entry("date", "date"),
            Map.entry("bytea", "bytea"),
            Map.entry("text", "text"),
            Map.entry("uuid", "uuid"),
            Map.entry("json", "json"),
            Map.entry("jsonb", "jsonb"),
            Map.entry("xml", "xml"),
            Map.entry("oid", "oid"),
            Map.entry("inet", "inet"),
            Map.entry("cidr", "cidr"),
            Map.entry("macaddr", "macaddr"),
            Map.entry("money", "money"),
            Map.entry("tsvector", "tsvector"),
            Map.entry("tsquery", "tsquery"),
            Map.entry("varbit", "bit varying"),
            Map.entry("bit varying", "bit varying"));

    private static final Set<String> INTERVAL_FIELDS = Set.of(
            "year", "month", "day", "hour", "minute", "second", "year to month", "day to hour", "day to minute",
            "day to second", "hour to minute", "hour to second", "minute to second");

    /** A base type: words, an optional modifier list, an optional time zone clause. */
    private static final Pattern BASE = Pattern.compile(
            "([a-z][a-z0-9 ]*?)(?:\\((\\d+)(?:,(-?\\d+))?\\))?( with time zone| without time zone)?");
    private static final Pattern BRACKET_SUFFIX = Pattern.compile("(?:\\[\\d*])+$");
    private static final Pattern ARRAY_SUFFIX = Pattern.compile(" array$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern OPEN = Pattern.compile(" ?\\( ?");
    private static final Pattern CLOSE = Pattern.compile(" ?\\)");
    private static final Pattern COMMA = Pattern.compile(" ?, ?");
    private static final Pattern OPEN_BRACKET = Pattern.compile(" ?\\[ ?");
    private static final Pattern CLOSE_BRACKET = Pattern.compile(" ?]");

    /**
     * A schema repeats a few type texts thousands of times, and the normaliser asks about each column more than
     * once: remember the answers (a pure function, so a cache changes nothing but the time).
     */
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 10_000;

    private PgTypes() {
    }

    /**
     * PostgreSQL's {@code format_type} spelling of a type written as Hibernate writes it
     * ({@code varchar(255)} to {@code character varying(255)}), or empty when the text is not a built-in type
     * this class knows. Case-insensitive and tolerant of extra whitespace.
     */
    public static Optional<String> canonical(String typeText) {
        if (typeText == null) {
            return Optional.empty();
        }
        Optional<String> known = CACHE.get(typeText);
        if (known == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            known = read(typeText);
            CACHE.put(typeText, known);
        }
        return known;
    }

    private static Optional<String> read(String typeText) {
        String text = tidy(typeText);
        // PostgreSQL keeps neither array dimensions nor bounds: integer[3][], integer array[3] are integer[]
        boolean array = false;
        Matcher brackets = BRACKET_SUFFIX.matcher(text);
        if (brackets.find()) {
            text = text.substring(0, brackets.start()).trim();
            array = true;
        }
        Matcher arrayWord = ARRAY_SUFFIX.matcher(text);
        if (arrayWord.find()) {
            text = text.substring(0, arrayWord.start()).trim();
            array = true;
        }
        String arraySuffix = array ? "[]" : "";
        return base(text).map(base -> base + arraySuffix);
    }

    /** As {@link #canonical(String)}, for a {@link ColumnType}. */
    public static Optional<ColumnType> canonical(ColumnType type) {
        return canonical(type.sql()).map(ColumnType::of);
    }

    /**
     * A short, readable spelling of a canonical type for DDL ({@code character varying(255)} to
     * {@code varchar(255)}); PostgreSQL reads it back as the same canonical type. Types without a shorter
     * name come back unchanged.
     */
    public static String shortName(ColumnType type) {
        return shortName(type.sql());
    }

    /** As {@link #shortName(ColumnType)}, for type text. */
    public static String shortName(String canonicalType) {
        if (canonicalType.endsWith("[]")) {
            return shortName(canonicalType.substring(0, canonicalType.length() - 2)) + "[]";
        }
        Matcher m = BASE.matcher(canonicalType);
        if (!m.matches()) {
            return canonicalType;
        }
        String name = m.group(1);
        String modifier = modifier(m.group(2), m.group(3));
        String zone = m.group(4);
        return switch (name) {
            case "character varying" -> "varchar" + modifier;
            case "character" -> "char" + modifier;
            case "timestamp", "time" -> " without time zone".equals(zone) ? name + modifier : canonicalType;
            default -> canonicalType;
        };
    }

    private static Optional<String> base(String text) {
        Matcher m = BASE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).trim();
        Integer first = m.group(2) == null ? null : parse(m.group(2));
        Integer second = m.group(3) == null ? null : parse(m.group(3));
        String zone = m.group(4);
        if (zone != null) {
            return dateTime(name, first, second, zone);
        }
        String simple = SIMPLE.get(name);
        if (simple != null) {
            if (simple.equals("bit varying") && first != null && second == null) {
                return inRange(first, 1, MAX_BIT_LENGTH) ? Optional.of("bit varying(" + first + ")") : Optional.empty();
            }
            return first == null ? Optional.of(simple) : Optional.empty();
        }
        return switch (name) {
            case "varchar", "character varying", "char varying" -> characters("character varying", first, second, null);
            case "char", "character" -> characters("character", first, second, 1);
            case "bit" -> bits(first, second);
            case "float" -> floating(first, second);
            case "numeric", "decimal", "dec" -> numeric(first, second);
            case "timestamp", "timestamptz", "time", "timetz" -> dateTime(name, first, second, null);
            default -> name.startsWith("interval") ? interval(name, first, second) : Optional.empty();
        };
    }

    private static Optional<String> characters(String canonicalName, Integer length, Integer extra, Integer defaultLength) {
        if (extra != null) {
            return Optional.empty();
        }
        if (length == null) {
            return Optional.of(defaultLength == null ? canonicalName : canonicalName + "(" + defaultLength + ")");
        }
        return inRange(length, 1, MAX_CHARACTER_LENGTH)
                ? Optional.of(canonicalName + "(" + length + ")") : Optional.empty();
    }

    private static Optional<String> bits(Integer length, Integer extra) {
        if (extra != null) {
            return Optional.empty();
        }
        int n = length == null ? 1 : length;
        return inRange(n, 1, MAX_BIT_LENGTH) ? Optional.of("bit(" + n + ")") : Optional.empty();
    }

    /** {@code float(p)}: binary digits of precision, 1..24 is real and 25..53 double precision. */
    private static Optional<String> floating(Integer precision, Integer extra) {
        if (extra != null) {
            return Optional.empty();
        }
        if (precision == null) {
            return Optional.of("double precision");
        }
        if (inRange(precision, 1, 24)) {
            return Optional.of("real");
        }
        return inRange(precision, 25, 53) ? Optional.of("double precision") : Optional.empty();
    }

    private static Optional<String> numeric(Integer precision, Integer scale) {
        if (precision == null) {
            return Optional.of("numeric");
        }
        int s = scale == null ? 0 : scale;
        if (!inRange(precision, 1, MAX_NUMERIC_PRECISION) || !inRange(s, -1000, 1000)) {
            return Optional.empty();
        }
        return Optional.of("numeric(" + precision + "," + s + ")");
    }

    private static Optional<String> dateTime(String name, Integer precision, Integer extra, String zone) {
        if (extra != null || (precision != null && precision < 0)) {
            return Optional.empty();
        }
        boolean withZone;
        String baseName;
        switch (name) {
            case "timestamp", "time" -> {
                baseName = name;
                withZone = " with time zone".equals(zone);
            }
            case "timestamptz", "timetz" -> {
                if (zone != null) {
                    return Optional.empty();
                }
                baseName = name.substring(0, name.length() - 2);
                withZone = true;
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(baseName + secondsPrecision(precision) + (withZone ? " with time zone" : " without time zone"));
    }

    private static Optional<String> interval(String name, Integer precision, Integer extra) {
        if (extra != null || (precision != null && precision < 0)) {
            return Optional.empty();
        }
        String fields = name.equals("interval") ? null : name.substring("interval".length()).trim();
        if (fields != null && !INTERVAL_FIELDS.contains(fields)) {
            return Optional.empty();
        }
        // only a seconds field (or no field at all) takes a precision
        if (precision != null && fields != null && !fields.endsWith("second")) {
            return Optional.empty();
        }
        return Optional.of("interval" + (fields == null ? "" : " " + fields) + secondsPrecision(precision));
    }

    private static String secondsPrecision(Integer precision) {
        return precision == null ? "" : "(" + Math.min(precision, MAX_SECONDS_PRECISION) + ")";
    }

    private static String modifier(String first, String second) {
        if (first == null) {
            return "";
        }
        return "(" + first + (second == null ? "" : "," + second) + ")";
    }

    /** Lower case, single spaces, no spaces inside parentheses or brackets. */
    private static String tidy(String text) {
        String tidy = SPACES.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        tidy = OPEN.matcher(tidy).replaceAll("(");
        tidy = CLOSE.matcher(tidy).replaceAll(")");
        tidy = COMMA.matcher(tidy).replaceAll(",");
        tidy = OPEN_BRACKET.matcher(tidy).replaceAll("[");
        return CLOSE_BRACKET.matcher(tidy).replaceAll("]");
    }

    private static Integer parse(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // too large for any type: rejected by the range checks
        }
    }

    private static boolean inRange(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
