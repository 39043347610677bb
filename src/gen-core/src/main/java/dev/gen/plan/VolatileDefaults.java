package dev.gen.plan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column default, as PostgreSQL prints it, may be volatile: ADD COLUMN with a volatile default rewrites
 * the table, a non-volatile one does not (PostgreSQL 11+, ALTER TABLE "Notes": "Adding a column with a volatile
 * DEFAULT ... will require the entire table and its indexes to be rewritten"). Without asking the server gen
 * cannot know a user function's volatility, so a call to any function it does not know as stable or immutable
 * counts as volatile: a rewrite reported that does not happen is a smaller harm than one not reported.
 */
final class VolatileDefaults {

    /** Function calls as pg_get_expr prints them: a name followed by an opening parenthesis. */
    private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_]*)\\s*\\(");

    /** Stable or immutable functions Hibernate mappings use in defaults (pg_proc.provolatile 's' or 'i'). */
    private static final Set<String> NOT_VOLATILE = Set.of("now", "timezone", "statement_timestamp",
            "transaction_timestamp", "current_setting", "lower", "upper", "length", "concat", "to_timestamp",
            "to_date", "to_char", "date_trunc", "make_date", "make_interval", "jsonb_build_object", "json_build_object",
            "jsonb_build_array", "json_build_array", "array", "round", "abs", "coalesce", "md5", "trim", "btrim",
            "numeric", "int4", "int8", "text", "varchar", "bpchar", "bool", "date", "timestamp", "timestamptz");

    private VolatileDefaults() {
    }

    static boolean isVolatile(String defaultExpression) {
        if (defaultExpression == null) {
            return false;
        }
        Matcher call = CALL.matcher(withoutStringLiterals(defaultExpression).toLowerCase(Locale.ROOT));
        while (call.find()) {
            if (!NOT_VOLATILE.contains(call.group(1))) {
                return true; // nextval, gen_random_uuid, random, clock_timestamp, or a function gen does not know
            }
        }
        return false;
    }

    /** The expression without string literals and casts ({@code ::character varying(20)} is no call). */
    private static String withoutStringLiterals(String expression) {
        return expression.replaceAll("'(?:[^']|'')*'", "''")
                .replaceAll("::\\s*[A-Za-z_][A-Za-z0-9_ ]*(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])*", "");
    }
}
