package dev.gen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmitOptionsTest {

    @Test
    void defaultsToTheDefaultPackageTheRunsLockTimeoutAndNoHeader() {
        EmitOptions options = EmitOptions.defaults();
        assertNull(options.javaPackage());
        assertNull(options.lockTimeout());
        assertNull(options.header());
    }

    @Test
    void blankValuesMeanNotSet() {
        EmitOptions options = new EmitOptions("", " ", "\n");
        assertEquals(EmitOptions.defaults(), options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db", "db.migration", "com.acme.db.migration", "com.acme_2.$gen"})
    void acceptsJavaPackageNames(String javaPackage) {
        assertEquals(javaPackage, EmitOptions.defaults().withJavaPackage(javaPackage).javaPackage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.1acme", "com..acme", "com.acme.", ".com", "com.class", "com.acme-db", "caf\u00e9",
            "com acme", "com.acme;"})
    void refusesOtherPackagesSayingHowToFixThem(String javaPackage) {
        EmitUsageException e = assertThrows(EmitUsageException.class,
                () -> EmitOptions.defaults().withJavaPackage(javaPackage));
        assertTrue(e.getMessage().endsWith("e.g. db.migration."), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5s", "500ms", "1min", "2h", "1d", "100us", "0", "10 s"})
    void acceptsPostgresqlDurations(String lockTimeout) {
        assertEquals(lockTimeout, EmitOptions.defaults().withLockTimeout(lockTimeout).lockTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 sec", "5S", "-1", "1.5s", "s", "5s; DROP TABLE users", "5s'"})
    void refusesOtherLockTimeoutsSayingHowToFixThem(String lockTimeout) {
        EmitUsageException e = assertThrows(EmitUsageException.class,
                () -> EmitOptions.defaults().withLockTimeout(lockTimeout));
        assertTrue(e.getMessage().endsWith("e.g. 5s."), e.getMessage());
    }
}
