package dev.gen.plan;

import dev.gen.diff.Change;

/** A change gen will not write into a migration without the user's say-so, and why. */
public record Refusal(Change change, String reason) {
}
