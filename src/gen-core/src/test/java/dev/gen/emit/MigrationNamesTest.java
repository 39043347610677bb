package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MigrationNamesTest {

    private static final Instant AT = Instant.parse("2026-11-21T22:30:00Z");

    @Test
    void classAndFileNameCarryTheUtcTimestampAndTheName() {
        MigrationId id = MigrationNames.of("UserChanged", AT);
        assertEquals("20261121223000", id.version());
        assertEquals("V20261121223000__UserChanged", id.className());
        assertEquals("V20261121223000__UserChanged.java", id.fileName());
        assertEquals("V20261121223000__UserChanged", MigrationNames.className("UserChanged", AT));
        assertEquals("V20261121223000__UserChanged.java", MigrationNames.fileName("UserChanged", AT));
    }

    @Test
    void takesTheTimeFromTheClockInUtcWhateverItsZone() {
        Clock tokyo = Clock.fixed(AT, ZoneId.of("Asia/Tokyo"));
        assertEquals("V20261121223000__UserChanged", MigrationNames.of("UserChanged", tokyo).className());
    }

    @Test
    void takesTheTimeFromEpochMillisDroppingFractionsOfASecond() {
        MigrationId id = MigrationNames.of("UserChanged", AT.toEpochMilli() + 999);
        assertEquals("V20261121223000__UserChanged", id.className());
        assertEquals(AT, id.timestamp());
        assertEquals("V19691231235959__Old", MigrationNames.of("Old", -1L).className());
    }

    @Test
    void refusesTimestampsWithoutAFourDigitYear() {
        assertThrows(EmitUsageException.class, () -> MigrationNames.of("Far", Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(EmitUsageException.class, () -> MigrationNames.of("Far", Long.MIN_VALUE));
        assertEquals("V99991231235959__Last", MigrationNames.of("Last", Instant.parse("9999-12-31T23:59:59.999Z"))
                .className());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AddUserNotes", "add_user_notes", "V2", "Users2Orders", "a__b"})
    void acceptsLettersDigitsAndUnderscoresAfterALetter(String name) {
        assertEquals(name, MigrationNames.requireValidName(name));
        assertTrue(MigrationNames.isValidName(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"add-user-notes", "add user notes", "1stMigration", "_private", "Caf\u00e9", "a.b",
            "Notes\n", "$Money", "a/b", "../Up"})
    void refusesOtherNamesSayingHowToFixThem(String name) {
        EmitUsageException e = assertThrows(EmitUsageException.class, () -> MigrationNames.requireValidName(name));
        assertTrue(e.getMessage().contains("use letters and digits") && e.getMessage().endsWith("e.g. AddUserNotes."),
                e.getMessage());
        assertFalse(MigrationNames.isValidName(name));
    }

    @Test
    void refusesOverlongNames() {
        String name = "A".repeat(MigrationNames.MAX_NAME_LENGTH + 1);
        EmitUsageException e = assertThrows(EmitUsageException.class, () -> MigrationNames.requireValidName(name));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertEquals("A".repeat(MigrationNames.MAX_NAME_LENGTH),
                MigrationNames.requireValidName("A".repeat(MigrationNames.MAX_NAME_LENGTH)));
    }

    @Test
    void parsesClassAndFileNamesBack() {
        assertEquals(new MigrationId(AT, "UserChanged"), MigrationNames.parse("V20261121223000__UserChanged"));
        assertEquals(new MigrationId(AT, "UserChanged"), MigrationNames.parse("V20261121223000__UserChanged.java"));
        assertEquals(new MigrationId(AT, "a__b"), MigrationNames.parse("V20261121223000__a__b"));
        MigrationId id = MigrationNames.of("Round_Trip2", AT.plusSeconds(59));
        assertEquals(id, MigrationNames.parse(id.className()));
        assertEquals(id, MigrationNames.parse(id.fileName()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"UserChanged", "V2026112122300__UserChanged", "V202611212230000__UserChanged",
            "V20261121223000_UserChanged", "V20261121223000__", "V20261121223000__1st", "v20261121223000__UserChanged",
            "V20261340223000__BadMonth", "V20260230000000__February30", "V20261121246000__BadHour",
            "V20261121223000__User-Changed", "V20261121223000__UserChanged.class"})
    void refusesToParseWhatDoesNotFollowTheRule(String name) {
        assertThrows(IllegalArgumentException.class, () -> MigrationNames.parse(name));
        assertTrue(MigrationNames.tryParse(name).isEmpty());
    }

    @Test
    void sortsInApplyingOrder() {
        MigrationId first = MigrationNames.of("Zebra", AT);
        MigrationId second = MigrationNames.of("Alpha", AT.plusSeconds(1));
        MigrationId third = MigrationNames.of("Beta", AT.plusSeconds(1));
        List<MigrationId> ids = new ArrayList<>(List.of(third, first, second));
        Collections.sort(ids);
        assertEquals(List.of(first, second, third), ids);
        assertTrue(first.className().compareTo(second.className()) < 0, "file listings sort the same way");
    }
}
