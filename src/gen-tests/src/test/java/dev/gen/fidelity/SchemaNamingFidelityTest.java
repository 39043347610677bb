package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;

import dev.gen.fidelity.Corpus.Spec;
import java.util.stream.Stream;

/** Schemas, indexes and unique constraints, natural ids, versions, naming strategies and quoting. */
class SchemaNamingFidelityTest extends FidelitySuite implements FidelitySuite.RoundTrips {

    SchemaNamingFidelityTest() {
        super("naming");
    }

    static final String SHOP = """
            @Entity
            public class CustomerAccount { @Id @GeneratedValue Long accountId; String displayName; }
            """;
    static final String SHOP_ORDER = """
            @Entity
            public class PurchaseOrder {
                @Id @GeneratedValue Long orderId;
                String shippingAddress;
                @ManyToOne CustomerAccount billedAccount;
                @ElementCollection List<String> giftNotes;
            }
            """;

    static Stream<Spec> models() {
        return Stream.of(
                spec("multi_schema", sources("m.schemas", """
                        @Entity
                        @jakarta.persistence.Table(schema = "sales", name = "orders")
                        public class Order {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_gen")
                            @SequenceGenerator(name = "order_gen", schema = "sales", sequenceName = "order_ids", allocationSize = 5)
                            Long id;
                            @ManyToOne Item item;
                        }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(schema = "inventory")
                        public class Item { @Id Long id; String name; }
                        """, """
                        @Entity
                        public class Note { @Id Long id; @ManyToOne Order order; }
                        """)).schemas("public", "sales", "inventory"),
                spec("default_schema", sources("m.defschema", """
                        @Entity
                        public class Widget { @Id @GeneratedValue Long id; @ManyToOne Widget parent; }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(schema = "archive")
                        public class OldWidget { @Id Long id; @ManyToOne Widget current; }
                        """)).with("hibernate.default_schema", "app").schemas("app", "archive"),
                spec("indexes_keys", sources("m.keys", """
                        @Entity
                        @jakarta.persistence.Table(
                            indexes = {
                                @jakarta.persistence.Index(name = "ix_member_last", columnList = "lastName"),
                                @jakarta.persistence.Index(name = "ux_member_name", columnList = "lastName, firstName", unique = true),
                                @jakarta.persistence.Index(columnList = "city"),
                                @jakarta.persistence.Index(name = "ix_member_zip_desc", columnList = "zip desc, city")
                            },
                            uniqueConstraints = {
                                @UniqueConstraint(name = "uk_member_card", columnNames = { "cardType", "cardNumber" }),
                                @UniqueConstraint(columnNames = { "city", "zip" })
                            })
                        public class Member {
                            @Id @GeneratedValue Long id;
                            String firstName; String lastName; String city; String zip;
                            String cardType; String cardNumber;
                            @NaturalId String login;
                            @Version Long version;
                            @Column(unique = true) String email;
                        }
                        """, """
                        @Entity
                        public class Badge { @Id Long id; @NaturalId @ManyToOne Member member; @NaturalId String code; @Version Instant changed; }
                        """)),
                spec("camel_case_naming", sources("m.camel", SHOP, SHOP_ORDER)).with("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"),
                spec("default_naming", sources("m.plainnaming", SHOP, SHOP_ORDER)),
                spec("globally_quoted", sources("m.quoted", SHOP, SHOP_ORDER, """
                        @Entity
                        @jakarta.persistence.Table(name = "User", indexes = @jakarta.persistence.Index(name = "IxName", columnList = "Name"))
                        public class User { @Id Long id; @Column(name = "Name") String name; @Column(name = "select") String select; }
                        """)).with("hibernate.globally_quoted_identifiers", "true"),
                spec("reserved_and_mixed_case", sources("m.reserved", """
                        @Entity
                        @jakarta.persistence.Table(name = "\\"user\\"")
                        public class User {
                            @Id Long id;
                            @Column(name = "\\"select\\"") String select;
                            @Column(name = "\\"order\\"") Integer order;
                            @Column(name = "\\"DisplayName\\"", unique = true) String displayName;
                        }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(name = "\\"OrderLine\\"")
                        public class OrderLine {
                            @Id Long id;
                            @Column(name = "\\"UnitPrice\\"") Double unitPrice;
                            @ManyToOne @JoinColumn(name = "\\"Owner\\"") User owner;
                        }
                        """)),
                spec("auto_quote_keywords", sources("m.autoquote", """
                        @Entity
                        public class Select { @Id Long id; String user; String order; @Column(name = "group") String group; }
                        """)).with("hibernate.auto_quote_keyword", "true"));
    }
}
