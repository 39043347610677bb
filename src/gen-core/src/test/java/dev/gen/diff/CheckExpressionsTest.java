package dev.gen.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckExpressionsTest {

    @Test
    void theOrderOfAConstantListDoesNotMatter() {
        String registered = "((dtype)::text = ANY ((ARRAY['Party'::character varying, 'Person'::character varying,"
                + " 'Company'::character varying])::text[]))";
        String sorted = "((dtype)::text = ANY ((ARRAY['Company'::character varying, 'Party'::character varying,"
                + " 'Person'::character varying])::text[]))";
        assertTrue(CheckExpressions.sameMeaning(registered, sorted));
        assertTrue(CheckExpressions.sameMeaning("(ord = ANY (ARRAY[2, 0, 1]))", "(ord = ANY (ARRAY[0, 1, 2]))"));
    }

    @Test
    void differentValuesOrDifferentColumnsStillDiffer() {
        String a = "((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))";
        String b = "((status)::text = ANY ((ARRAY['NEW'::character varying, 'SHIPPED'::character varying])::text[]))";
        String c = "((state)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[]))";
        assertFalse(CheckExpressions.sameMeaning(a, b));
        assertFalse(CheckExpressions.sameMeaning(a, c));
        // a literal with a comma inside is one element, not two
        assertFalse(CheckExpressions.sameMeaning("(x = ANY (ARRAY['a,b', 'c']))", "(x = ANY (ARRAY['a', 'b,c']))"));
    }

    @Test
    void arraysOfExpressionsKeepTheirOrder() {
        assertFalse(CheckExpressions.sameMeaning("(x = ANY (ARRAY[y, z]))", "(x = ANY (ARRAY[z, y]))"));
    }
}
