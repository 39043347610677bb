package com.example.core;

/** What a user may do; stored by name so that reordering the constants is harmless. */
public enum Role {
    CUSTOMER,
    STAFF,
    ADMIN
}
