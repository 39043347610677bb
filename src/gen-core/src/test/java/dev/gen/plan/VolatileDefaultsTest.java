package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which defaults, as pg_get_expr prints them, make ADD COLUMN rewrite the table (PostgreSQL 11+). */
class VolatileDefaultsTest {

    @Test
    void constantsCastsAndStableFunctionsAreStoredWithoutARewrite() {
        for (String constant : new String[] {null, "0", "false", "'active'::character varying",
                "'x'::character varying(20)", "0.00::numeric(10,2)", "'{}'::jsonb", "now()", "CURRENT_TIMESTAMP",
                "timezone('UTC'::text, now())", "'nextval(''s'')'::text"}) {
            assertFalse(VolatileDefaults.isVolatile(constant), constant);
        }
    }

    @Test
    void volatileOrUnknownFunctionsRewrite() {
        for (String call : new String[] {"nextval('orders_seq'::regclass)", "gen_random_uuid()", "random()",
                "clock_timestamp()", "my_schema_function(1)"}) {
            assertTrue(VolatileDefaults.isVolatile(call), call);
        }
    }
}
