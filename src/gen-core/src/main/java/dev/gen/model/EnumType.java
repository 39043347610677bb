package dev.gen.model;

import java.util.List;
import java.util.Objects;

/** A PostgreSQL enum type ({@code CREATE TYPE ... AS ENUM}), its labels in their sort order. */
public record EnumType(QualifiedName name, List<String> labels) {
    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
    }
}
