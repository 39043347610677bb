package dev.gen.scenarios;

import dev.gen.testing.EntityCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small application model with reserved words and names longer than PostgreSQL's 63 bytes. */
final class ShopModel {

    static final String LONG_TABLE = "customer_with_a_very_long_entity_name_that_goes_on_and_on_x";
    static final String LONG_COLUMN = "a_column_name_that_is_definitely_longer_than_sixty_three_characters_total";

    private ShopModel() {
    }

    static Map<String, String> shop() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/acme/shop/Order.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "\\"order\\"", indexes = @Index(columnList = "\\"user\\", select"))
                public class Order {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Column(name = "\\"user\\"", nullable = false) String user;
                    @Column(name = "select", length = 40) String select;
                    @ManyToOne @JoinColumn(name = "customer_reference_with_a_rather_long_foreign_key_column_name")
                    CustomerWithAVeryLongEntityName customer;
                }
                """);
        sources.put("com/acme/shop/CustomerWithAVeryLongEntityName.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "%s", uniqueConstraints = @UniqueConstraint(columnNames = {"group", "%s"}))
                public class CustomerWithAVeryLongEntityName {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
                    @Column(name = "group") String group;
                    @Column(name = "%s") String longOne;
                }
                """.formatted(LONG_TABLE, LONG_COLUMN, LONG_COLUMN));
        sources.put("com/acme/shop/User.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class User {
                    @Id Long id;
                    String from;
                    @Enumerated(EnumType.STRING) Role role;
                    public enum Role { ADMIN, USER }
                }
                """);
        return sources;
    }

    static Map<String, String> other() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com/acme/other/Gadget.java", """
                package com.acme.other;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "gadget")
                public class Gadget {
                    @Id Long id;
                    String label;
                }
                """);
        sources.put("com/acme/other/AuditEntry.java", """
                package com.acme.other;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "audit_entry")
                public class AuditEntry {
                    @Id Long id;
                    String what;
                }
                """);
        return sources;
    }

    static Path compile(Path out, Map<String, String> sources) {
        return EntityCompiler.compile(out, sources);
    }
}
