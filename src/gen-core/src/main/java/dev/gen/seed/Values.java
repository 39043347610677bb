package dev.gen.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * JSON values to the Java values of basic attributes, read as a JPA user writes them: enums by name, dates and times
 * in ISO-8601, BigDecimal from numbers or strings, UUIDs, byte[] from base64. The Java value is what gets persisted,
 * so Hibernate applies the attribute's converter and JDBC type exactly as in the application.
 */
final class Values {

    /** The value does not fit the type; the message says what was expected and what was found. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private Values() {
    }

    static Object convert(JsonNode node, Class<?> type, Type generic, ObjectMapper mapper) throws Mismatch {
        if (node == null || node.isNull()) {
            if (type.isPrimitive()) {
                throw new Mismatch("a " + type.getName() + ", which cannot be null, but found null");
            }
            return null;
        }
        Class<?> boxed = box(type);
        try {
            Object value = standard(node, boxed);
            if (value != null) {
                return value;
            }
        } catch (RuntimeException e) {
            throw new Mismatch(expected(boxed) + ", but found " + found(node) + " (" + e.getMessage() + ")");
        }
        if (node.isTextual()) {
            Object parsed = byFactory(boxed, node.asText());
            if (parsed != null) {
                return parsed;
            }
        }
        try {
            return mapper.convertValue(node, mapper.constructType(generic));
        } catch (IllegalArgumentException e) {
            throw new Mismatch(expected(boxed) + ", but found " + found(node));
        }
    }

    /** The value for the types JSON users write as strings, numbers or booleans; null when {@code type} is other. */
    private static Object standard(JsonNode node, Class<?> type) throws Mismatch {
        if (type == String.class) {
            return text(node, type);
        }
        if (type == Boolean.class) {
            if (!node.isBoolean()) {
                throw mismatch(node, type);
            }
            return node.booleanValue();
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            BigInteger value;
            if (node.isIntegralNumber()) {
                value = node.bigIntegerValue();
            } else if (type == BigInteger.class && node.isTextual()) {
                value = new BigInteger(node.asText().trim());
            } else {
                throw mismatch(node, type);
            }
            return integral(value, type, node);
        }
        if (type == Double.class || type == Float.class) {
            if (!node.isNumber()) {
                throw mismatch(node, type);
            }
            return type == Double.class ? (Object) node.doubleValue() : (Object) (float) node.doubleValue();
        }
        if (type == BigDecimal.class) {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            return new BigDecimal(text(node, type).trim());
        }
        if (type == Character.class) {
            String text = text(node, type);
            if (text.length() != 1) {
                throw mismatch(node, type);
            }
            return text.charAt(0);
        }
        if (type.isEnum()) {
            return enumConstant(node, type);
        }
        if (type == UUID.class) {
            return UUID.fromString(text(node, type).trim());
        }
        if (type == byte[].class || type == Byte[].class) {
            byte[] bytes = Base64.getDecoder().decode(text(node, type).trim());
            if (type == byte[].class) {
                return bytes;
            }
            Byte[] boxed = new Byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                boxed[i] = bytes[i];
            }
            return boxed;
        }
        if (type == char[].class) {
            return text(node, type).toCharArray();
        }
        Object time = time(node, type);
        if (time != null) {
            return time;
        }
        if (type == Locale.class) {
            return Locale.forLanguageTag(text(node, type).trim().replace('_', '-'));
        }
        if (type == Currency.class) {
            return Currency.getInstance(text(node, type).trim());
        }
        if (type == URI.class) {
            return URI.create(text(node, type).trim());
        }
        if (type == URL.class) {
            try {
                return URI.create(text(node, type).trim()).toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return null;
    }

    private static Object time(JsonNode node, Class<?> type) throws Mismatch {
        if (type == LocalDate.class) {
            return LocalDate.parse(text(node, type).trim());
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text(node, type).trim());
        }
        if (type == LocalTime.class) {
            return LocalTime.parse(text(node, type).trim());
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text(node, type).trim());
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.parse(text(node, type).trim());
        }
        if (type == OffsetTime.class) {
            return OffsetTime.parse(text(node, type).trim());
        }
        if (type == Instant.class) {
            return instant(text(node, type).trim());
        }
        if (type == Duration.class) {
            return Duration.parse(text(node, type).trim());
        }
        if (type == Period.class) {
            return Period.parse(text(node, type).trim());
        }
        if (type == Year.class) {
            return node.isIntegralNumber() ? Year.of(node.intValue()) : Year.parse(text(node, type).trim());
        }
        if (type == YearMonth.class) {
            return YearMonth.parse(text(node, type).trim());
        }
        if (type == ZoneOffset.class) {
            return ZoneOffset.of(text(node, type).trim());
        }
        if (type == ZoneId.class) {
            return ZoneId.of(text(node, type).trim());
        }
        if (type == TimeZone.class) {
            return TimeZone.getTimeZone(ZoneId.of(text(node, type).trim()));
        }
        if (type == java.sql.Timestamp.class) {
            return java.sql.Timestamp.from(instant(text(node, type).trim()));
        }
        if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(LocalDate.parse(text(node, type).trim()));
        }
        if (type == java.sql.Time.class) {
            return java.sql.Time.valueOf(LocalTime.parse(text(node, type).trim()));
        }
        if (type == Date.class) {
            return Date.from(instant(text(node, type).trim()));
        }
        if (type == Calendar.class || type == GregorianCalendar.class) {
            return GregorianCalendar.from(ZonedDateTime.parse(text(node, type).trim()));
        }
        return null;
    }

    /** An instant written with Z or with an offset ({@code 2026-11-21T09:00:00+01:00}). */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static Object integral(BigInteger value, Class<?> type, JsonNode node) throws Mismatch {
        if (type == BigInteger.class) {
            return value;
        }
        long min = type == Integer.class ? Integer.MIN_VALUE : type == Short.class ? Short.MIN_VALUE
                : type == Byte.class ? Byte.MIN_VALUE : Long.MIN_VALUE;
        long max = type == Integer.class ? Integer.MAX_VALUE : type == Short.class ? Short.MAX_VALUE
                : type == Byte.class ? Byte.MAX_VALUE : Long.MAX_VALUE;
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Mismatch(expected(type) + " between " + min + " and " + max + ", but found " + found(node));
        }
        long v = value.longValue();
        return type == Integer.class ? (Object) (int) v : type == Short.class ? (Object) (short) v
                : type == Byte.class ? (Object) (byte) v : (Object) v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(JsonNode node, Class<?> type) throws Mismatch {
        String name = text(node, type);
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new Mismatch("one of the names of " + type.getSimpleName() + " ("
                    + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "))
                    + "), but found " + found(node));
        }
    }

    /** A public static valueOf/parse/of/fromString(String) or a public constructor taking a String. */
    private static Object byFactory(Class<?> type, String text) throws Mismatch {
        for (String name : new String[] {"valueOf", "parse", "of", "fromString"}) {
            for (Class<?> parameter : new Class<?>[] {String.class, CharSequence.class}) {
                try {
                    Method method = type.getMethod(name, parameter);
                    if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
                        return invoke(() -> method.invoke(null, text), type, text);
                    }
                } catch (NoSuchMethodException e) {
                    // try the next spelling
                }
            }
        }
        try {
            Constructor<?> constructor = type.getConstructor(String.class);
            return invoke(() -> constructor.newInstance(text), type, text);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private interface Call {
        Object call() throws ReflectiveOperationException;
    }

    private static Object invoke(Call call, Class<?> type, String text) throws Mismatch {
        try {
            return call.call();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new Mismatch("a text " + type.getSimpleName() + " accepts, but " + type.getSimpleName()
                    + " refused \"" + text + "\" (" + e.getCause() + ")");
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String text(JsonNode node, Class<?> type) throws Mismatch {
        if (!node.isTextual()) {
            throw mismatch(node, type);
        }
        return node.asText();
    }

    private static Mismatch mismatch(JsonNode node, Class<?> type) {
        return new Mismatch(expected(type) + ", but found " + found(node));
    }

    static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char[].class) {
            return "a string";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return "a whole number (" + type.getSimpleName() + ")";
        }
        if (type == BigInteger.class) {
            return "a whole number, or a string holding one";
        }
        if (type == Double.class || type == Float.class) {
            return "a number (" + type.getSimpleName() + ")";
        }
        if (type == BigDecimal.class) {
            return "a number, or a string holding a decimal number (BigDecimal)";
        }
        if (type.isEnum()) {
            return "the name of a constant of " + type.getSimpleName();
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == byte[].class || type == Byte[].class) {
            return "a base64 string (byte[])";
        }
        if (type.getName().startsWith("java.time.") || Date.class.isAssignableFrom(type)
                || Calendar.class.isAssignableFrom(type)) {
            return "an ISO-8601 string for " + type.getSimpleName() + " (e.g. " + example(type) + ")";
        }
        return "a JSON value that reads as " + type.getName();
    }

    private static String example(Class<?> type) {
        if (type == LocalDate.class || type == java.sql.Date.class) {
            return "2026-11-21";
        }
        if (type == LocalTime.class || type == java.sql.Time.class) {
            return "09:30:00";
        }
        if (type == LocalDateTime.class) {
            return "2026-11-21T09:30:00";
        }
        if (type == Duration.class) {
            return "PT15M";
        }
        return "2026-11-21T09:30:00Z";
    }

    static String found(JsonNode node) {
        String text = node.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        String kind = node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean"
                : node.isObject() ? "an object" : node.isArray() ? "a list" : "null";
        return kind + " " + text;
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
