package dev.gen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.QualifiedName;
import dev.gen.model.TableStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thresholds as users write them, and the size as a reviewer reads it. */
class LargeTablesTest {

    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    @Test
    void thresholdsAreWrittenWithOrWithoutUnits() {
        assertEquals(1_000_000, LargeTables.parse("large-table-rows", "1000000", false));
        assertEquals(1_000_000, LargeTables.parse("large-table-rows", "1M", false));
        assertEquals(250_000, LargeTables.parse("large-table-rows", "250k", false));
        assertEquals(1L << 30, LargeTables.parse("large-table-bytes", "1GB", true));
        assertEquals(512L << 20, LargeTables.parse("large-table-bytes", "512 MB", true));
        assertEquals(10_240, LargeTables.parse("large-table-bytes", "10kB", true));
        assertEquals(4096, LargeTables.parse("large-table-bytes", "4096", true));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LargeTables.parse("large-table-bytes", "a lot", true));
        assertEquals("large-table-bytes=a lot is not a size: write a whole number of bytes or one with a unit, for"
                + " example 1GB, 512MB or 1073741824.", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LargeTables.parse("large-table-rows", "-5", false));
        assertThrows(IllegalArgumentException.class, () -> LargeTables.parse("large-table-rows", "1GB", false));
    }

    @Test
    void eitherThresholdMakesATableLarge() {
        LargeTables rows = new LargeTables(Map.of(ORDERS, new TableStats(1_000_000, 10)), 1_000_000, 1L << 30);
        assertTrue(rows.large(ORDERS).isPresent());
        LargeTables bytes = new LargeTables(Map.of(ORDERS, new TableStats(-1, 1L << 30)), 1_000_000, 1L << 30);
        assertTrue(bytes.large(ORDERS).isPresent(), "a table never analysed is weighed by its size");
        LargeTables small = new LargeTables(Map.of(ORDERS, new TableStats(999_999, (1L << 30) - 1)), 1_000_000,
                1L << 30);
        assertTrue(small.large(ORDERS).isEmpty());
        assertTrue(LargeTables.none().large(ORDERS).isEmpty(), "no sizes known: nothing is large");
    }

    @Test
    void sizesReadAsTheIssueShowsThem() {
        assertEquals("~12M rows, 4.1 GB", new TableStats(12_345_678, 4_402_341_478L).describe());
        assertEquals("~1.2M rows, 52.0 MB", new TableStats(1_200_000, 54_525_952).describe());
        assertEquals("~950 rows, 8.0 kB", new TableStats(950, 8192).describe());
        assertEquals("~12K rows, 512 B", new TableStats(12_345, 512).describe());
        assertEquals("rows unknown (never analysed), 16.0 kB", new TableStats(-1, 16384).describe());
    }
}
