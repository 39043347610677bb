package dev.gen.postgres;

import dev.gen.model.ColumnType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How PostgreSQL treats a column type change: free, a rewrite, a conversion, or a loss of data. */
public final class TypeChanges {

    public enum Kind {
        /** No rewrite, no data risk ({@code varchar(n)} to a longer one or to {@code text}). */
        BINARY_COMPATIBLE,
        /** Every value fits, but the table is rewritten ({@code integer} to {@code bigint}). */
        WIDENING,
        /** Values are converted and some may not convert ({@code text} to {@code integer}). */
        CONVERSION,
        /** Values may be cut or rounded ({@code varchar(100)} to {@code varchar(50)}). */
        NARROWING
    }

    // greedy base name ("character varying"), optional (length[,scale]), then the rest ("[]", " with time zone")
    private static final Pattern PARAMETERS =
            Pattern.compile("^([a-z][a-z ]*[a-z])\\s*(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?(.*)$");
    private static final Pattern TIME_ZONE = Pattern.compile("^(.*?) (with(?:out)? time zone)$");

    private TypeChanges() {
    }

    public static Kind classify(ColumnType from, ColumnType to) {
        Parsed a = parse(from.sql());
        Parsed b = parse(to.sql());
        if (a == null || b == null) {
            return Kind.CONVERSION;
        }
        boolean aText = a.base.equals("character varying") || a.base.equals("text");
        boolean bText = b.base.equals("character varying") || b.base.equals("text");
        if (aText && bText && a.suffix.equals(b.suffix)) {
            if (b.base.equals("text") || b.length == null) {
                return Kind.BINARY_COMPATIBLE;
            }
            if (a.base.equals("text") || a.length == null) {
                return Kind.NARROWING;
            }
            return b.length >= a.length ? Kind.BINARY_COMPATIBLE : Kind.NARROWING;
        }
        if (a.base.equals(b.base) && a.suffix.equals(b.suffix)) {
            if (a.base.equals("numeric")) {
                if (b.length == null) {
                    return Kind.BINARY_COMPATIBLE;
                }
                if (a.length == null) {
                    return Kind.NARROWING;
                }
                int aScale = a.scale == null ? 0 : a.scale;
                int bScale = b.scale == null ? 0 : b.scale;
                if (bScale == aScale && b.length >= a.length) {
                    return Kind.BINARY_COMPATIBLE;
                }
                return bScale >= aScale && b.length - bScale >= a.length - aScale ? Kind.WIDENING : Kind.NARROWING;
            }
            if (a.length != null && b.length != null) {
                return b.length >= a.length ? Kind.WIDENING : Kind.NARROWING;
            }
            return Kind.WIDENING;
        }
        if (rank(a.base) > 0 && rank(b.base) > 0) {
            return rank(b.base) >= rank(a.base) ? Kind.WIDENING : Kind.NARROWING;
        }
        if (bText) {
            return b.length == null ? Kind.WIDENING : Kind.NARROWING;
        }
        return Kind.CONVERSION;
    }

    /**
     * An SQL condition true for the rows whose value of {@code quotedColumn} would not survive the change from
     * {@code from} to {@code to} unchanged: too long, out of range, or rounded. Meant for a narrowing change.
     */
    public static String lossCondition(String quotedColumn, ColumnType from, ColumnType to) {
        Parsed a = parse(from.sql());
        Parsed b = parse(to.sql());
        String target = PgTypes.shortName(to);
        if (b != null && b.suffix.isEmpty()) {
            boolean bText = b.base.equals("character varying") || b.base.equals("character");
            if (bText && b.length != null) {
                return "char_length(" + quotedColumn + ") > " + b.length;
            }
            if (rank(b.base) > 0 && a != null && rank(a.base) > 0) {
                long max = b.base.equals("smallint") ? Short.MAX_VALUE : Integer.MAX_VALUE;
                long min = b.base.equals("smallint") ? Short.MIN_VALUE : Integer.MIN_VALUE;
                return quotedColumn + " NOT BETWEEN " + min + " AND " + max;
            }
            if (b.base.equals("numeric") && b.length != null && a != null && a.base.equals("numeric")) {
                int scale = b.scale == null ? 0 : b.scale;
                return "(abs(" + quotedColumn + ") >= power(10::numeric, " + (b.length - scale) + ") OR round("
                        + quotedColumn + ", " + scale + ") <> " + quotedColumn + ")";
            }
        }
        // Any other narrowing: the value changes on a round trip through the new type.
        return "(" + quotedColumn + "::" + target + ")::" + PgTypes.shortName(from) + " IS DISTINCT FROM "
                + quotedColumn;
    }

    /**
     * False when PostgreSQL has no cast at all from {@code from} to {@code to} ({@code bigint} to {@code uuid},
     * {@code uuid} to {@code bigint}, {@code integer} to {@code timestamp}, ...), so that
     * {@code ALTER COLUMN ... TYPE ... USING col::type} fails even on an empty table. Conservative: true whenever
     * a cast may exist (every type converts to and from the string types).
     */
    public static boolean castable(ColumnType from, ColumnType to) {
        return castable(from.sql().trim().toLowerCase(java.util.Locale.ROOT), to.sql().trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean castable(String from, String to) {
        if (from.endsWith("[]") && to.endsWith("[]")) {
            // arrays convert element by element
            return castable(from.substring(0, from.length() - 2), to.substring(0, to.length() - 2));
        }
        String a = family(from);
        String b = family(to);
        if (a == null || b == null || a.equals(b) || a.equals("string") || b.equals("string")) {
            return true;
        }
        return switch (a + ">" + b) {
            case "number>boolean", "boolean>number", "datetime>time", "time>interval", "interval>time",
                    "json>jsonb", "jsonb>json" -> true;
            default -> false;
        };
    }

    /** The cast family of a type, or null for a type gen does not know (assumed castable). */
    private static String family(String sql) {
        String type = sql.trim().toLowerCase(java.util.Locale.ROOT);
        if (type.endsWith("[]")) {
            return "array";
        }
        String base = type.replaceAll("\\(.*?\\)", "").trim();
        switch (base) {
            case "character varying", "varchar", "text", "character", "char", "bpchar", "name":
                return "string";
            case "smallint", "integer", "bigint", "numeric", "decimal", "real", "double precision", "float", "int",
                    "int2", "int4", "int8", "float4", "float8":
                return "number";
            case "boolean", "bool":
                return "boolean";
            case "uuid":
                return "uuid";
            case "bytea":
                return "bytea";
            case "json":
                return "json";
            case "jsonb":
                return "jsonb";
            case "date", "timestamp without time zone", "timestamp with time zone", "timestamp", "timestamptz":
                return "datetime";
            case "time without time zone", "time with time zone", "time", "timetz":
                return "time";
            default:
                return base.startsWith("interval") ? "interval" : null;
        }
    }

    private static int rank(String base) {
        return switch (base) {
            case "smallint" -> 1;
            case "integer" -> 2;
            case "bigint" -> 3;
            case "real" -> 0;
            default -> 0;
        };
    }

    private record Parsed(String base, Integer length, Integer scale, String suffix) {
    }

    private static Parsed parse(String sql) {
        Matcher matcher = PARAMETERS.matcher(sql.trim());
        if (!matcher.matches()) {
            return null;
        }
        Integer length = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
        Integer scale = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
        String base = matcher.group(1).trim();
        String suffix = matcher.group(4).trim();
        Matcher zone = TIME_ZONE.matcher(base);
        if (length == null && suffix.isEmpty() && zone.matches()) {
            base = zone.group(1);
            suffix = zone.group(2);
        }
        return new Parsed(base, length, scale, suffix);
    }
}
