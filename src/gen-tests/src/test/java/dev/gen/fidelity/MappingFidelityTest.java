package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;

import dev.gen.fidelity.Corpus.Spec;
import java.util.stream.Stream;

/** Identifiers, associations, embeddables, collections, secondary tables and inheritance. */
class MappingFidelityTest extends FidelitySuite implements FidelitySuite.RoundTrips {

    MappingFidelityTest() {
        super("mapping");
    }

    static Stream<Spec> models() {
        return Stream.of(
                spec("generated_ids", sources("m.ids", """
                        @Entity
                        public class ByIdentity { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String name; }
                        """, """
                        @Entity
                        public class ByIntIdentity { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) int id; }
                        """, """
                        @Entity
                        public class ByDefaultSequence { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }
                        """, """
                        @Entity
                        public class ByAuto { @Id @GeneratedValue Long id; }
                        """, """
                        @Entity
                        public class ByCustomSequence {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custom_gen")
                            @SequenceGenerator(name = "custom_gen", sequenceName = "custom_seq", allocationSize = 20, initialValue = 100)
                            Long id;
                        }
                        """, """
                        @Entity
                        public class ByTable {
                            @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "tab_gen")
                            @TableGenerator(name = "tab_gen", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_value", allocationSize = 10)
                            Long id;
                        }
                        """, """
                        @Entity
                        public class ByUuid { @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id; }
                        """, """
                        @Entity
                        public class ByUuidGenerator { @Id @UuidGenerator(style = UuidGenerator.Style.TIME) UUID id; }
                        """)),
                spec("composite_ids", sources("m.composite", """
                        public class LineId implements Serializable {
                            Long orderId; int lineNo;
                            public boolean equals(Object o) { return o instanceof LineId l && Objects.equals(orderId, l.orderId) && lineNo == l.lineNo; }
                            public int hashCode() { return Objects.hash(orderId, lineNo); }
                        }
                        """, """
                        @Entity
                        @IdClass(LineId.class)
                        public class OrderLine { @Id Long orderId; @Id int lineNo; String product; }
                        """, """
                        @Embeddable
                        public class StockKey implements Serializable {
                            String warehouse; @Column(length = 20) String sku;
                            public boolean equals(Object o) { return o instanceof StockKey k && Objects.equals(warehouse, k.warehouse) && Objects.equals(sku, k.sku); }
                            public int hashCode() { return Objects.hash(warehouse, sku); }
                        }
                        """, """
                        @Entity
                        public class Stock { @EmbeddedId StockKey key; int quantity; }
                        """, """
                        @Entity
                        public class Shipment {
                            @Id Long id;
                            @ManyToOne @JoinColumns({ @JoinColumn(name = "line_order", referencedColumnName = "orderId"),
                                    @JoinColumn(name = "line_no", referencedColumnName = "lineNo") }) OrderLine line;
                            @ManyToOne Stock stock;
                        }
                        """, """
                        @Entity
                        public class Account { @Id @GeneratedValue Long id; String email; }
                        """, """
                        @Entity
                        public class Profile { @Id Long id; @MapsId @OneToOne Account account; String bio; }
                        """)),
                spec("associations", sources("m.assoc", """
                        @Entity
                        public class Author {
                            @Id @GeneratedValue Long id;
                            String name;
                            @OneToMany @JoinColumn(name = "author_ref") List<Note> notes;
                        }
                        """, """
                        @Entity
                        public class Note { @Id @GeneratedValue Long id; String text; }
                        """, """
                        @Entity
                        public class Publisher { @Id @GeneratedValue Long id; }
                        """, """
                        @Entity
                        public class Cover { @Id @GeneratedValue Long id; String image; }
                        """, """
                        @Entity
                        public class Isbn { @Id @GeneratedValue Long id; String code; }
                        """, """
                        @Entity
                        public class Tag { @Id @GeneratedValue Long id; String label; }
                        """, """
                        @Entity
                        public class Book {
                            @Id @GeneratedValue Long id;
                            @ManyToOne(optional = false) @JoinColumn(name = "author_id", foreignKey = @jakarta.persistence.ForeignKey(name = "fk_book_author")) Author author;
                            @ManyToOne Publisher publisher;
                            @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Publisher reprinter;
                            @OneToOne Cover cover;
                            @OneToOne(optional = false) @JoinColumn(name = "isbn_id", nullable = false) Isbn isbn;
                            @ManyToMany @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
                                    inverseJoinColumns = @JoinColumn(name = "tag_id")) Set<Tag> tags;
                            @ManyToMany @OrderColumn(name = "position") List<Tag> rankedTags;
                            @ElementCollection @CollectionTable(name = "book_title") @MapKeyColumn(name = "lang") @Column(name = "title") Map<String, String> titles;
                            @OneToMany(mappedBy = "book") List<Review> reviews;
                        }
                        """, """
                        @Entity
                        public class Review { @Id @GeneratedValue Long id; @ManyToOne(fetch = FetchType.LAZY) Book book; int stars; }
                        """)),
                spec("embeddables", sources("m.embed", """
                        @Embeddable
                        public class GeoPoint { double lat; double lon; }
                        """, """
                        @Embeddable
                        public class Address { String street; @Column(length = 60) String city; @Embedded GeoPoint geo; }
                        """, """
                        @Embeddable
                        public class Phone { @Column(length = 20, nullable = false) String number; String kind; }
                        """, """
                        @Entity
                        @SecondaryTable(name = "customer_detail", pkJoinColumns = @PrimaryKeyJoinColumn(name = "customer_id"))
                        public class Customer {
                            @Id @GeneratedValue Long id;
                            @Embedded Address home;
                            @Embedded
                            @AttributeOverrides({
                                @AttributeOverride(name = "street", column = @Column(name = "work_street")),
                                @AttributeOverride(name = "city", column = @Column(name = "work_city", length = 80)),
                                @AttributeOverride(name = "geo.lat", column = @Column(name = "work_lat")),
                                @AttributeOverride(name = "geo.lon", column = @Column(name = "work_lon"))
                            })
                            Address work;
                            @ElementCollection Set<String> nicknames;
                            @ElementCollection @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "cust_id")) List<Phone> phones;
                            @ElementCollection @OrderColumn List<Integer> scores;
                            @Column(table = "customer_detail", length = 2000) String bio;
                            @Column(table = "customer_detail") Integer rating;
                        }
                        """)),
                spec("single_table", sources("m.single", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        @DiscriminatorColumn(name = "kind", length = 10)
                        public class Vehicle { @Id @GeneratedValue Long id; String maker; }
                        """, """
                        @Entity
                        @DiscriminatorValue("car")
                        public class Car extends Vehicle { int doors; }
                        """, """
                        @Entity
                        @DiscriminatorValue("truck")
                        public class Truck extends Vehicle { Double load; }
                        """, """
                        @Entity
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER)
                        @DiscriminatorValue("0")
                        public class Animal { @Id Long id; }
                        """, """
                        @Entity
                        @DiscriminatorValue("1")
                        public class Dog extends Animal { String breed; }
                        """)),
                spec("joined", sources("m.joined", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.JOINED)
                        public abstract class Payment { @Id @GeneratedValue Long id; @Column(precision = 10, scale = 2) BigDecimal amount; }
                        """, """
                        @Entity
                        public class CardPayment extends Payment { String cardNumber; }
                        """, """
                        @Entity
                        @PrimaryKeyJoinColumn(name = "payment_id")
                        public class BankPayment extends Payment { String iban; }
                        """)),
                spec("table_per_class", sources("m.tpc", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                        public abstract class Shape { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; String color; }
                        """, """
                        @Entity
                        public class Circle extends Shape { double radius; }
                        """, """
                        @Entity
                        public class Square extends Shape { double side; }
                        """)),
                spec("mapped_superclass", Corpus.merge(sources("m.base", """
                        @MappedSuperclass
                        public abstract class BaseEntity { @Id @GeneratedValue Long id; @Version int version; }
                        """, """
                        @MappedSuperclass
                        public abstract class Auditable extends BaseEntity { Instant createdAt; @Column(length = 50) String createdBy; }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(name = "app_user")
                        public class User extends Auditable { String login; }
                        """), sources("m.app", """
                        @Entity
                        public class Document extends m.base.Auditable { String title; }
                        """, """
                        @Entity
                        public class AdminUser extends m.base.User { int level; }
                        """))));
    }
}
