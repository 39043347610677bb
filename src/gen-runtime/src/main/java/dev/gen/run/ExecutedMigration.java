package dev.gen.run;

/** One migration a command applied, reverted or recorded, with how long its statements took. */
public record ExecutedMigration(MigrationId id, long executionMs) {
}
