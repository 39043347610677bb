package dev.gen.plan;

import java.util.Objects;

/**
 * The strongest table lock a step's statements take and how long it is held.
 *
 * @param level the lock level
 * @param held how long, in words: {@code "briefly (a catalog change)"}, {@code "while the table is scanned to
 *     validate the check"}
 */
public record Lock(LockLevel level, String held) {

    public static final Lock NONE = new Lock(LockLevel.NONE, "");

    public Lock {
        Objects.requireNonNull(level, "level");
        held = held == null ? "" : held;
    }

    static Lock brief(LockLevel level) {
        return new Lock(level, "briefly (a catalog change)");
    }

    static Lock whileScanning(LockLevel level, String what) {
        return new Lock(level, "while " + what);
    }

    /** {@code ACCESS EXCLUSIVE while the table is scanned to validate the check: reads and writes wait}. */
    public String describe() {
        if (level == LockLevel.NONE) {
            return level.sqlName();
        }
        return level.sqlName() + (held.isEmpty() ? "" : " " + held) + ": " + level.blocks();
    }
}
