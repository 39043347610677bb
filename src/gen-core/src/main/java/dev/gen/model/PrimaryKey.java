package dev.gen.model;

import java.util.List;

/** @param name the constraint name, or null to let PostgreSQL choose ({@code <table>_pkey}) */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
