package dev.gen.plan;

import dev.gen.model.ColumnType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type changes {@link dev.gen.postgres.TypeChanges} calls widening that PostgreSQL still makes without a rewrite: more
 * fractional-second precision of {@code timestamp}, {@code timestamptz} and {@code interval} (PostgreSQL 9.2 release
 * notes, "ALTER TABLE ... ALTER COLUMN TYPE": "Table rewrites are also avoided in similar cases involving the
 * interval, timestamp, and timestamptz types"). {@code varchar} widening and numeric precision with the same scale
 * are already binary compatible there.
 */
final class TableRewrites {

    private static final Pattern PRECISION = Pattern.compile(
            "^(timestamp|interval)\\((\\d+)\\)( with(?:out)? time zone)?$");

    private TableRewrites() {
    }

    static boolean precisionIncreaseWithoutRewrite(ColumnType from, ColumnType to) {
        Matcher a = PRECISION.matcher(from.sql().trim());
        Matcher b = PRECISION.matcher(to.sql().trim());
        if (a.matches() && b.matches() && a.group(1).equals(b.group(1))
                && java.util.Objects.equals(a.group(3), b.group(3))) {
            return Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
        }
        // timestamp(3) -> timestamp: the unconstrained type holds every value as it is
        String plain = to.sql().trim();
        return a.matches() && (plain.equals(a.group(1) + (a.group(3) == null ? "" : a.group(3)))
                || plain.equals(a.group(1) + (a.group(3) == null ? " without time zone" : "")));
    }
}
