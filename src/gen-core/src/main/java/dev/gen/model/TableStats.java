package dev.gen.model;

import java.util.Locale;

/**
 * How big a live table is, as the catalog estimates it: what a reviewer weighs a lock or a rewrite by. Kept apart
 * from {@link Table} so that two schemas with the same structure stay equal whatever their data.
 *
 * @param estimatedRows {@code pg_class.reltuples}: the row count at the last VACUUM or ANALYZE, or -1 when the
 *     table has never been analysed
 * @param totalBytes {@code pg_total_relation_size}: heap, TOAST and indexes on disk; for a table with under 64 kB of
 *     heap and TOAST data, those two alone (see {@code tables.sql})
 */
public record TableStats(long estimatedRows, long totalBytes) {

    public boolean rowsKnown() {
        return estimatedRows >= 0;
    }

    /** {@code ~12M rows, 4.1 GB}; {@code rows unknown} for a table never analysed. */
    public String describe() {
        return (rowsKnown() ? "~" + count(estimatedRows) + " rows" : "rows unknown (never analysed)") + ", "
                + bytes(totalBytes);
    }

    /** {@code 950}, {@code 12K}, {@code 1.2M}, {@code 12M}, {@code 3.4B}: two significant digits at most. */
    static String count(long rows) {
        String[] units = {"", "K", "M", "B", "T"};
        double value = rows;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? Long.toString(rows) : oneDecimalBelowTen(value) + units[unit];
    }

    /** {@code 512 B}, {@code 8.0 kB}, {@code 4.1 GB}: binary units, named as PostgreSQL's pg_size_pretty names them. */
    static String bytes(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String oneDecimalBelowTen(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value));
    }
}
