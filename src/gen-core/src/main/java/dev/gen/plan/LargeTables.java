package dev.gen.plan;

import dev.gen.model.QualifiedName;
import dev.gen.model.TableStats;
import java.util.Map;
import java.util.Optional;

/**
 * Which tables are large enough that a lock or a rewrite on them needs a reviewer's attention: at or above either
 * threshold, by the catalog's estimates read with the schema.
 *
 * @param stats the size of each existing table, by its name before the migration
 * @param rowThreshold estimated rows from which a table is large
 * @param byteThreshold size on disk (heap, TOAST, indexes) from which a table is large
 */
public record LargeTables(Map<QualifiedName, TableStats> stats, long rowThreshold, long byteThreshold) {

    public static final long DEFAULT_ROWS = 1_000_000L;
    public static final long DEFAULT_BYTES = 1L << 30;

    public LargeTables {
        stats = Map.copyOf(stats);
        if (rowThreshold < 0 || byteThreshold < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }

    /** No sizes known: nothing is large (a plan built from schemas in code). */
    public static LargeTables none() {
        return new LargeTables(Map.of(), DEFAULT_ROWS, DEFAULT_BYTES);
    }

    public LargeTables withStats(Map<QualifiedName, TableStats> newStats) {
        return new LargeTables(newStats, rowThreshold, byteThreshold);
    }

    public Optional<TableStats> of(QualifiedName table) {
        return Optional.ofNullable(table == null ? null : stats.get(table));
    }

    /** The table's size when it is at or above a threshold. */
    public Optional<TableStats> large(QualifiedName table) {
        return of(table).filter(s -> s.estimatedRows() >= rowThreshold || s.totalBytes() >= byteThreshold);
    }

    /**
     * A threshold as the user writes it: {@code 1000000}, {@code 1M}; bytes also {@code 1GB}, {@code 512MB},
     * {@code 10kB} (binary units, as PostgreSQL's {@code pg_size_pretty}).
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parse(String key, String value, boolean bytes) {
        String text = value.trim().replace("_", "");
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        long factor = 1;
        String number = upper;
        String[][] units = bytes
                ? new String[][] {{"TB", "1099511627776"}, {"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"},
                        {"B", "1"}}
                : new String[][] {{"B", "1000000000"}, {"M", "1000000"}, {"K", "1000"}};
        for (String[] unit : units) {
            if (upper.endsWith(unit[0])) {
                factor = Long.parseLong(unit[1]);
                number = upper.substring(0, upper.length() - unit[0].length()).trim();
                break;
            }
        }
        try {
            long parsed = Long.parseLong(number);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(parsed, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a " + (bytes
                    ? "size: write a whole number of bytes or one with a unit, for example 1GB, 512MB or 1073741824"
                    : "row count: write a whole number, for example 1000000 or 1M") + ".");
        }
    }
}
