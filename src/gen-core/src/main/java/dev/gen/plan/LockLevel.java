package dev.gen.plan;

/**
 * The table-level locks PostgreSQL takes for gen's statements, weakest first, with what each makes other sessions
 * wait for (PostgreSQL 15, "13.3.1. Table-Level Locks", Table 13.2 "Conflicting Lock Modes").
 */
public enum LockLevel {
    /** The statement locks no table that exists before the migration (a new table, a sequence, an enum type). */
    NONE("no lock on an existing table", "nothing waits"),
    /** Conflicts with SHARE and stronger: other DDL and {@code CREATE INDEX} wait; reads and writes go on. */
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "only other DDL waits; reads and writes go on"),
    /** Conflicts with itself and stronger: only other DDL (and VACUUM) waits. */
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "only other DDL waits; reads and writes go on"),
    /** Conflicts with ROW EXCLUSIVE: writes wait, reads go on. */
    SHARE("SHARE", "writes wait, reads go on"),
    /** Conflicts with ROW EXCLUSIVE and itself: writes wait, reads go on. */
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "writes wait, reads go on"),
    /** Conflicts with everything, plain {@code SELECT} included: reads and writes wait. */
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "reads and writes wait");

    private final String sqlName;
    private final String blocks;

    LockLevel(String sqlName, String blocks) {
        this.sqlName = sqlName;
        this.blocks = blocks;
    }

    /** As PostgreSQL's documentation and {@code pg_locks} name it: {@code ACCESS EXCLUSIVE}. */
    public String sqlName() {
        return sqlName;
    }

    /** What other sessions' statements wait while the lock is held. */
    public String blocks() {
        return blocks;
    }

    /** The stable name in gen's JSON report: {@code access-exclusive}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
