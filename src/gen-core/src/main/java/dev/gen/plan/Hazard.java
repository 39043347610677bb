package dev.gen.plan;

/**
 * What a step may do to a live database, as a reviewer needs to know before approving it. The labels are part of
 * gen's interface (the JSON report, {@code --check}, the Javadoc): they never derive from Java names.
 */
public enum Hazard {
    /** Data is lost: a dropped table or column, a dropped sequence's value. */
    DESTRUCTIVE("destructive", "data is lost", "drops data written since up ran"),
    /** Existing rows can make the statement fail: NOT NULL, a new unique key, check or foreign key, a narrowing. */
    DATA_DEPENDENT("data-dependent", "may fail on existing rows", "may fail on rows written since up ran"),
    /** PostgreSQL rewrites the whole table (most type changes, a column with a volatile default). */
    TABLE_REWRITE("table-rewrite", "rewrites the table", "rewrites the table"),
    /** A lock that makes reads or writes wait is held while the table is scanned or rewritten. */
    LONG_LOCK("long-lock", "blocks reads or writes while it scans the table",
            "blocks reads or writes while it scans the table"),
    /** Must run outside a transaction (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE). */
    NON_TRANSACTIONAL("non-transactional", "runs outside a transaction", "runs outside a transaction"),
    /** One of the above, on a table above the large-table thresholds (estimated rows or size on disk). */
    LARGE_TABLE("large-table", "on a large table", "on a large table");

    private final String label;
    private final String explanation;
    private final String downExplanation;

    Hazard(String label, String explanation, String downExplanation) {
        this.label = label;
        this.explanation = explanation;
        this.downExplanation = downExplanation;
    }

    /** The stable name: {@code data-dependent}. */
    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** The explanation for a {@code down} step, which runs on rows written after {@code up}. */
    public String downExplanation() {
        return downExplanation;
    }
}
