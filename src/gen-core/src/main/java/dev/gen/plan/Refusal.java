package dev.gen.plan;

import dev.gen.diff.Change;

/**
 * A change gen will not write into a migration without the user's say-so, and why.
 *
 * @param needs what the user passes to have it written: a flag ({@code --allow-destructive}), or a flag with the
 *     value to fill in ({@code --backfill users.points=<SQL expression>})
 */
public record Refusal(Change change, String reason, String needs) {

    public static final String ALLOW_DESTRUCTIVE = "--allow-destructive";

    public Refusal(Change change, String reason) {
        this(change, reason, ALLOW_DESTRUCTIVE);
    }
}
