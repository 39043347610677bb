package dev.gen.model;

/** The two kinds of SQL-standard identity column PostgreSQL has. */
public enum Identity {
    ALWAYS,
    BY_DEFAULT
}
