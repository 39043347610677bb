package dev.gen.run;

/** How a run groups migrations into transactions. */
public enum TransactionMode {
    /** Each migration with its history record in a transaction of its own: a failure leaves no trace of it. */
    EACH,
    /** The whole run in one transaction: all or nothing. Refused when a pending migration is non-transactional. */
    ALL,
    /**
     * No transactions: every statement commits by itself; a migration that fails part-way is recorded as failed and
     * blocks later runs until resolved.
     */
    NONE
}
