package dev.gen.plan;

/** What a step may do to a live database, as a reviewer needs to know before approving it. */
public enum Hazard {
    /** Data is lost: a dropped table or column, a narrowing type change. */
    DESTRUCTIVE("destructive", "data is lost"),
    /** Fails when existing rows violate it: NOT NULL, a new unique key, check or foreign key. */
    DATA_DEPENDENT("data-dependent", "may fail on existing rows"),
    /** PostgreSQL rewrites the whole table (most type changes). */
    TABLE_REWRITE("table-rewrite", "rewrites the table"),
    /** Holds an ACCESS EXCLUSIVE (or SHARE) lock while it scans the table. */
    LONG_LOCK("long-lock", "holds an exclusive lock while it scans the table"),
    /** Must run outside a transaction (CREATE INDEX CONCURRENTLY). */
    NON_TRANSACTIONAL("non-transactional", "runs outside a transaction");

    private final String label;
    private final String explanation;

    Hazard(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
