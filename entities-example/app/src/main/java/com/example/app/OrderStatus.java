package com.example.app;

public enum OrderStatus {
    NEW,
    PAID,
    SHIPPED,
    CANCELLED
}
