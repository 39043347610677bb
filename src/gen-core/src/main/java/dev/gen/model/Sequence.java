package dev.gen.model;

import java.util.Objects;

/** A standalone sequence (identity columns' own sequences are part of their column, not listed here). */
public record Sequence(QualifiedName name, long start, long increment) {
    public Sequence {
        Objects.requireNonNull(name, "name");
    }
}
