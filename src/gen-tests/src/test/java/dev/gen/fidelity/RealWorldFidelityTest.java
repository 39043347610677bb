package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.pair;
import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.fidelity.Corpus.Pair;
import dev.gen.fidelity.Corpus.Spec;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.run.RunOptions;
import dev.gen.testing.CatalogSnapshot;
import dev.gen.testing.FidelityHarness;
import dev.gen.testing.HibernateSchemaExport;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Entity models written the way application developers write them (PetClinic, a JHipster-style auditing model,
 * an e-commerce/accounting model, a multi-tenant model with Spring-like naming), and the evolutions teams make
 * every week. Each model goes through the whole fidelity oracle: round trip, adoption, and for pairs the
 * migration to v2's export and the revert to v1's.
 */
class RealWorldFidelityTest extends FidelitySuite implements FidelitySuite.RoundTrips, FidelitySuite.Evolutions {

    RealWorldFidelityTest() {
        super("realworld");
    }

    @Override
    public String modelPrefix() {
        return "rw_";
    }

    static final String CAMEL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    // ---------------------------------------------------------------------------------------------- PetClinic

    static Spec petclinic() {
        return spec("petclinic", sources("rw.petclinic", """
                @MappedSuperclass
                public class BaseEntity implements Serializable {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Integer id;
                    public Integer getId() { return id; }
                    public void setId(Integer id) { this.id = id; }
                    public boolean isNew() { return this.id == null; }
                }
                """, """
                @MappedSuperclass
                public class NamedEntity extends BaseEntity {
                    @Column(name = "name")
                    private String name;
                    public String getName() { return name; }
                    public void setName(String name) { this.name = name; }
                    @Override public String toString() { return getName(); }
                }
                """, """
                @MappedSuperclass
                public class Person extends BaseEntity {
                    @Column(name = "first_name")
                    private String firstName;
                    @Column(name = "last_name")
                    private String lastName;
                    public String getFirstName() { return firstName; }
                    public String getLastName() { return lastName; }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "owners")
                public class Owner extends Person {
                    @Column(name = "address")
                    private String address;
                    @Column(name = "city")
                    private String city;
                    @Column(name = "telephone")
                    private String telephone;
                    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
                    @jakarta.persistence.OrderBy("name")
                    private List<Pet> pets = new ArrayList<>();
                    @ManyToMany
                    private Set<Vet> favouriteVets = new HashSet<>();
                    public List<Pet> getPets() { return pets; }
                    public void addPet(Pet pet) { if (pet.isNew()) { pets.add(pet); } pet.setOwner(this); }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "types")
                public class PetType extends NamedEntity {
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "pets")
                public class Pet extends NamedEntity {
                    @Column(name = "birth_date")
                    private LocalDate birthDate;
                    @ManyToOne
                    @JoinColumn(name = "type_id")
                    private PetType type;
                    @ManyToOne
                    @JoinColumn(name = "owner_id")
                    private Owner owner;
                    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
                    @JoinColumn(name = "pet_id")
                    @jakarta.persistence.OrderBy("date ASC")
                    private Set<Visit> visits = new LinkedHashSet<>();
                    public void setOwner(Owner owner) { this.owner = owner; }
                    public LocalDate getBirthDate() { return birthDate; }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "visits")
                public class Visit extends BaseEntity {
                    @Column(name = "visit_date")
                    private LocalDate date = LocalDate.now();
                    @Column(name = "description")
                    private String description;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "specialties")
                public class Specialty extends NamedEntity {
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "vets")
                public class Vet extends Person {
                    @ManyToMany(fetch = FetchType.EAGER)
                    @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                            inverseJoinColumns = @JoinColumn(name = "specialty_id"))
                    private Set<Specialty> specialties;
                    @ManyToMany
                    private Set<PetType> treatedTypes;
                    public int getNrOfSpecialties() { return specialties == null ? 0 : specialties.size(); }
                }
                """));
    }

    // ------------------------------------------------------------------------------------- JHipster-like auditing

    static Spec jhipster() {
        return spec("jhipster", sources("rw.jhipster", """
                @MappedSuperclass
                public abstract class AbstractAuditingEntity<T> implements Serializable {
                    private static final long serialVersionUID = 1L;
                    public abstract T getId();
                    @Column(name = "created_by", nullable = false, length = 50, updatable = false)
                    private String createdBy;
                    @CreationTimestamp
                    @Column(name = "created_date", updatable = false)
                    private Instant createdDate = Instant.now();
                    @Column(name = "last_modified_by", length = 50)
                    private String lastModifiedBy;
                    @UpdateTimestamp
                    @Column(name = "last_modified_date")
                    private Instant lastModifiedDate = Instant.now();
                }
                """, """
                public enum Role { ROLE_ADMIN, ROLE_USER, ROLE_ANONYMOUS }
                """, """
                public enum Gender { MALE, FEMALE, OTHER }
                """, """
                public enum CategoryStatus { AVAILABLE, RESTRICTED, DISABLED }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "jhi_user")
                public class User extends AbstractAuditingEntity<Long> implements Serializable {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
                    @SequenceGenerator(name = "sequenceGenerator", allocationSize = 1)
                    private Long id;
                    @Column(length = 50, unique = true, nullable = false)
                    private String login;
                    @Column(name = "password_hash", length = 60, nullable = false)
                    private String password;
                    @Column(name = "first_name", length = 50)
                    private String firstName;
                    @Column(name = "last_name", length = 50)
                    private String lastName;
                    @Column(length = 254, unique = true)
                    private String email;
                    @Column(nullable = false)
                    private boolean activated = false;
                    @Column(name = "lang_key", length = 10)
                    private String langKey;
                    @Column(name = "image_url", length = 256)
                    private String imageUrl;
                    @Column(name = "activation_key", length = 20)
                    private String activationKey;
                    @Column(name = "reset_key", length = 20)
                    private String resetKey;
                    @Column(name = "reset_date")
                    private Instant resetDate = null;
                    @ElementCollection(fetch = FetchType.EAGER)
                    @CollectionTable(name = "jhi_user_authority", joinColumns = @JoinColumn(name = "user_id"))
                    @Enumerated(EnumType.STRING)
                    @Column(name = "authority_name", length = 50)
                    private Set<Role> authorities = new HashSet<>();
                    @ElementCollection
                    @CollectionTable(name = "jhi_user_attribute", joinColumns = @JoinColumn(name = "user_id"))
                    @MapKeyColumn(name = "attr_key", length = 100)
                    @Column(name = "attr_value")
                    private Map<String, String> attributes = new HashMap<>();
                    @Override public Long getId() { return id; }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "user_profile")
                public class UserProfile implements Serializable {
                    @Id
                    private Long id;
                    @OneToOne
                    @MapsId
                    @JoinColumn(name = "user_id")
                    private User user;
                    @Lob
                    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
                    @Column(name = "bio")
                    private String bio;
                    @Lob
                    @Column(name = "avatar")
                    private byte[] avatar;
                    @Column(name = "avatar_content_type")
                    private String avatarContentType;
                    @Enumerated(EnumType.STRING)
                    @Column(name = "gender")
                    private Gender gender;
                    @Column(name = "birthday")
                    private LocalDate birthday;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "category")
                public class Category extends AbstractAuditingEntity<Long> implements Serializable {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
                    @SequenceGenerator(name = "sequenceGenerator", allocationSize = 1)
                    @Column(name = "id")
                    private Long id;
                    @Column(name = "name", nullable = false, length = 100)
                    private String name;
                    @Lob
                    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
                    @Column(name = "description")
                    private String description;
                    @Column(name = "sort_order", nullable = false)
                    private Integer sortOrder;
                    @Enumerated(EnumType.STRING)
                    @Column(name = "status", nullable = false)
                    private CategoryStatus status;
                    @ManyToOne(fetch = FetchType.LAZY)
                    private Category parent;
                    @OneToMany(mappedBy = "parent")
                    private Set<Category> children = new HashSet<>();
                    @ManyToOne(fetch = FetchType.LAZY)
                    private User owner;
                    @Override public Long getId() { return id; }
                }
                """)).with("hibernate.physical_naming_strategy", CAMEL);
    }

    // -------------------------------------------------------------------------- e-commerce and accounting

    static Spec commerce() {
        return spec("commerce", sources("rw.commerce", """
                @Embeddable
                public class Money implements Serializable {
                    @Column(name = "amount", precision = 19, scale = 4, nullable = false)
                    private BigDecimal amount;
                    @Column(name = "currency", length = 3, nullable = false)
                    private String currency;
                    protected Money() { }
                    public Money(BigDecimal amount, String currency) { this.amount = amount; this.currency = currency; }
                }
                """, """
                @Embeddable
                public class Address implements Serializable {
                    private String line1;
                    private String line2;
                    @Column(length = 80)
                    private String city;
                    @Column(length = 16)
                    private String postalCode;
                    @Column(length = 2)
                    private String country;
                }
                """, """
                public enum OrderStatus { NEW, PAID, SHIPPED, DELIVERED, CANCELLED }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "customer")
                public class Customer {
                    @Id @GeneratedValue(strategy = GenerationType.UUID)
                    private UUID id;
                    @NaturalId
                    @Column(nullable = false, length = 320)
                    private String email;
                    @Column(nullable = false, length = 120)
                    private String fullName;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "line1", column = @Column(name = "billing_line1")),
                        @AttributeOverride(name = "line2", column = @Column(name = "billing_line2")),
                        @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80)),
                        @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code", length = 16)),
                        @AttributeOverride(name = "country", column = @Column(name = "billing_country", length = 2))
                    })
                    private Address billingAddress;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "line1", column = @Column(name = "shipping_line1")),
                        @AttributeOverride(name = "line2", column = @Column(name = "shipping_line2")),
                        @AttributeOverride(name = "city", column = @Column(name = "shipping_city", length = 80)),
                        @AttributeOverride(name = "postalCode", column = @Column(name = "shipping_postal_code", length = 16)),
                        @AttributeOverride(name = "country", column = @Column(name = "shipping_country", length = 2))
                    })
                    private Address shippingAddress;
                    @JdbcTypeCode(SqlTypes.JSON)
                    private Map<String, Object> metadata;
                    @Version
                    private long version;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "product",
                    uniqueConstraints = @UniqueConstraint(name = "uk_product_sku", columnNames = "sku"),
                    indexes = @jakarta.persistence.Index(name = "ix_product_category_name", columnList = "category, name"))
                public class Product {
                    @Id @GeneratedValue(strategy = GenerationType.UUID)
                    private UUID id;
                    @Column(nullable = false, length = 40)
                    private String sku;
                    @Column(nullable = false)
                    private String name;
                    @Column(length = 60)
                    private String category;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "list_price", precision = 19, scale = 4, nullable = false)),
                        @AttributeOverride(name = "currency", column = @Column(name = "list_currency", length = 3, nullable = false))
                    })
                    private Money listPrice;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "cost_price", precision = 19, scale = 4)),
                        @AttributeOverride(name = "currency", column = @Column(name = "cost_currency", length = 3))
                    })
                    private Money cost;
                    @Column(nullable = false)
                    private boolean active = true;
                    @Version
                    private Integer version;
                }
                """, """
                public class StockItemId implements Serializable {
                    private String warehouseCode;
                    private String sku;
                    public boolean equals(Object o) {
                        return o instanceof StockItemId k && Objects.equals(warehouseCode, k.warehouseCode) && Objects.equals(sku, k.sku);
                    }
                    public int hashCode() { return Objects.hash(warehouseCode, sku); }
                }
                """, """
                @Entity
                @IdClass(StockItemId.class)
                @jakarta.persistence.Table(name = "stock_item")
                public class StockItem {
                    @Id @Column(name = "warehouse_code", length = 10)
                    private String warehouseCode;
                    @Id @Column(name = "sku", length = 40)
                    private String sku;
                    @Column(nullable = false)
                    private int quantity;
                    @Column(name = "reorder_level")
                    private Integer reorderLevel;
                    @Version
                    private int version;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "orders",
                    uniqueConstraints = @UniqueConstraint(name = "uk_orders_number", columnNames = "order_number"),
                    indexes = {
                        @jakarta.persistence.Index(name = "ix_orders_customer_placed", columnList = "customer_id, placed_at"),
                        @jakarta.persistence.Index(name = "ix_orders_status", columnList = "status")
                    })
                public class CustomerOrder {
                    @Id @GeneratedValue(strategy = GenerationType.UUID)
                    private UUID id;
                    @Column(name = "order_number", nullable = false, length = 30)
                    private String number;
                    @ManyToOne(optional = false, fetch = FetchType.LAZY)
                    @JoinColumn(name = "customer_id")
                    private Customer customer;
                    @Column(name = "placed_at", nullable = false)
                    private OffsetDateTime placedAt;
                    @Enumerated(EnumType.STRING)
                    @Column(length = 20, nullable = false)
                    private OrderStatus status = OrderStatus.NEW;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "total_amount", precision = 19, scale = 4, nullable = false)),
                        @AttributeOverride(name = "currency", column = @Column(name = "total_currency", length = 3, nullable = false))
                    })
                    private Money total;
                    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
                    @OrderColumn(name = "line_index")
                    private List<OrderLine> lines = new ArrayList<>();
                    @ElementCollection
                    @CollectionTable(name = "order_note", joinColumns = @JoinColumn(name = "order_id"))
                    @OrderColumn(name = "position")
                    @Column(name = "note", length = 500)
                    private List<String> notes = new ArrayList<>();
                    @Version
                    private Long version;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "order_line")
                public class OrderLine {
                    @Id @GeneratedValue(strategy = GenerationType.UUID)
                    private UUID id;
                    @ManyToOne(optional = false)
                    @JoinColumn(name = "order_id", nullable = false)
                    private CustomerOrder order;
                    @ManyToOne(optional = false)
                    @JoinColumn(name = "product_id", nullable = false)
                    private Product product;
                    @ManyToOne
                    @JoinColumns({
                        @JoinColumn(name = "stock_warehouse", referencedColumnName = "warehouse_code"),
                        @JoinColumn(name = "stock_sku", referencedColumnName = "sku")
                    })
                    private StockItem stockItem;
                    @Column(nullable = false)
                    private int quantity;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "unit_price", precision = 19, scale = 4, nullable = false)),
                        @AttributeOverride(name = "currency", column = @Column(name = "unit_currency", length = 3, nullable = false))
                    })
                    private Money unitPrice;
                    @Column(precision = 5, scale = 2)
                    private BigDecimal discountPercent;
                }
                """, """
                @Entity
                @Inheritance(strategy = InheritanceType.JOINED)
                @jakarta.persistence.Table(name = "payment")
                public abstract class Payment {
                    @Id @GeneratedValue(strategy = GenerationType.UUID)
                    private UUID id;
                    @ManyToOne(optional = false)
                    @JoinColumn(name = "order_id")
                    private CustomerOrder order;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "amount", precision = 19, scale = 4, nullable = false)),
                        @AttributeOverride(name = "currency", column = @Column(name = "currency", length = 3, nullable = false))
                    })
                    private Money amount;
                    @Column(name = "received_at")
                    private Instant receivedAt;
                    @Version
                    private Integer version;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "card_payment")
                @PrimaryKeyJoinColumn(name = "payment_id")
                public class CardPayment extends Payment {
                    @Column(length = 4, nullable = false)
                    private String last4;
                    @Column(length = 20)
                    private String brand;
                    private short expiryMonth;
                    private short expiryYear;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "bank_transfer")
                @PrimaryKeyJoinColumn(name = "payment_id")
                public class BankTransfer extends Payment {
                    @Column(length = 34, nullable = false)
                    private String iban;
                    @Column(length = 11)
                    private String bic;
                    private LocalDate valueDate;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "ledger_account")
                public class LedgerAccount {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @NaturalId
                    @Column(length = 20, nullable = false)
                    private String code;
                    @Column(nullable = false)
                    private String name;
                    @Column(precision = 19, scale = 2, nullable = false)
                    private BigDecimal balance = BigDecimal.ZERO;
                    @ManyToOne
                    @JoinColumn(name = "parent_id")
                    private LedgerAccount parent;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "ledger_entry",
                    indexes = @jakarta.persistence.Index(name = "ix_ledger_entry_account_booked", columnList = "account_id, booked_on"))
                public class LedgerEntry {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @ManyToOne(optional = false)
                    @JoinColumn(name = "account_id")
                    private LedgerAccount account;
                    @Column(name = "booked_on", nullable = false)
                    private LocalDate bookedOn;
                    @Column(precision = 19, scale = 2)
                    private BigDecimal debit;
                    @Column(precision = 19, scale = 2)
                    private BigDecimal credit;
                    @ManyToOne
                    @JoinColumn(name = "payment_id")
                    private Payment payment;
                    @ElementCollection
                    @CollectionTable(name = "ledger_entry_tag", joinColumns = @JoinColumn(name = "entry_id"))
                    @Column(name = "tag", length = 40)
                    private Set<String> tags = new HashSet<>();
                }
                """));
    }

    // ------------------------------------------------- multi-tenant: default schema, Spring-like naming, records

    static Spec tenant() {
        return spec("tenant", sources("rw.tenant", """
                @Embeddable
                public record GeoPoint(Double latitude, Double longitude) { }
                """, """
                @Embeddable
                public record PhoneNumber(@Column(length = 4) String countryCode, @Column(length = 20) String number) { }
                """, """
                public enum Plan { FREE, TEAM, BUSINESS, ENTERPRISE }
                """, """
                @Entity
                public class Tenant {
                    @Id @GeneratedValue
                    private Long id;
                    @Column(nullable = false, unique = true, length = 63)
                    private String slug;
                    private String displayName;
                    private char tierCode;
                    private Character regionCode;
                    private boolean active;
                    private Boolean trial;
                    @Enumerated(EnumType.ORDINAL)
                    private Plan plan;
                    @Enumerated
                    private Plan previousPlan;
                    private LocalDateTime createdAt;
                    private OffsetDateTime suspendedAt;
                    private LocalDate renewsOn;
                    @OneToMany(mappedBy = "tenant")
                    private List<Site> sites;
                }
                """, """
                @Entity
                public class Site {
                    @Id @GeneratedValue
                    private Long id;
                    @ManyToOne(optional = false)
                    private Tenant tenant;
                    private String siteName;
                    @Embedded
                    private GeoPoint location;
                    @Embedded
                    private PhoneNumber mainPhone;
                    @Embedded
                    private PhoneNumber faxPhone;
                    private LocalTime opensAt;
                    private LocalTime closesAt;
                    private Duration slotLength;
                    private ZonedDateTime lastInspection;
                    @ElementCollection
                    private Set<PhoneNumber> emergencyPhones;
                    @ManyToMany
                    private Set<Label> labels;
                    @Version
                    private Instant updatedAt;
                }
                """, """
                @Entity
                public class Label {
                    @Id @Column(length = 40)
                    private String labelCode;
                    private String labelText;
                    @ManyToOne
                    private Tenant ownerTenant;
                }
                """))
                .with("hibernate.default_schema", "tenant_a")
                .with("hibernate.physical_naming_strategy", CAMEL)
                .with("hibernate.implicit_naming_strategy", "org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl")
                .schemas("tenant_a");
    }

    /** The multi-tenant model again with Hibernate's legacy JPA implicit naming (collection tables, join tables). */
    static Spec tenantLegacyNaming() {
        Spec legacy = spec("tenant_legacy_naming", sources("rw.legacy", """
                @Embeddable
                public record Coordinates(Double lat, Double lng) { }
                """, """
                @Entity
                public class Workspace {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String workspaceName;
                    @Embedded
                    private Coordinates hq;
                    @ElementCollection
                    private List<String> allowedDomains;
                    @ManyToMany
                    private Set<Member> members;
                    @OneToMany
                    private List<Member> admins;
                }
                """, """
                @Entity
                public class Member {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String emailAddress;
                    private boolean emailVerified;
                    @ManyToOne
                    private Workspace homeWorkspace;
                }
                """));
        return legacy.with("hibernate.physical_naming_strategy", CAMEL)
                .with("hibernate.implicit_naming_strategy", "org.hibernate.boot.model.naming.ImplicitNamingStrategyLegacyJpaImpl");
    }


    // -------------------------------------------- Spring Data style: generic superclasses, read-only FK copies

    static Spec springData() {
        return spec("spring_data", sources("rw.springdata", """
                @MappedSuperclass
                public abstract class AbstractPersistable<PK extends Serializable> {
                    @Id @GeneratedValue
                    private PK id;
                    public PK getId() { return id; }
                }
                """, """
                @MappedSuperclass
                public abstract class AbstractAuditable<U, PK extends Serializable> extends AbstractPersistable<PK> {
                    @ManyToOne
                    private U createdBy;
                    private LocalDateTime createdDate;
                    @ManyToOne
                    private U lastModifiedBy;
                    private LocalDateTime lastModifiedDate;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "app_user")
                public class AppUser extends AbstractPersistable<Long> {
                    @Column(nullable = false, unique = true)
                    private String username;
                    @Column(columnDefinition = "TEXT")
                    private String about;
                    @Column(columnDefinition = "boolean default false not null")
                    private boolean locked;
                }
                """, """
                public enum Priority { LOW, MEDIUM, HIGH }
                """, """
                @Embeddable
                public class Assignment {
                    @ManyToOne
                    @JoinColumn(name = "assignee_id")
                    private AppUser assignee;
                    private LocalDate dueOn;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "ticket")
                @SoftDelete
                public class Ticket extends AbstractAuditable<AppUser, Long> {
                    @Column(name = "project_id", nullable = false)
                    private Long projectId;
                    @ManyToOne(fetch = FetchType.LAZY)
                    @JoinColumn(name = "project_id", insertable = false, updatable = false)
                    private Project project;
                    @Column(name = "`order`")
                    private Integer order;
                    @Column(columnDefinition = "numeric(10,2)")
                    private BigDecimal estimate;
                    @Column(columnDefinition = "jsonb")
                    @JdbcTypeCode(SqlTypes.JSON)
                    private String payload;
                    @Embedded
                    private Assignment assignment;
                    @ElementCollection
                    @CollectionTable(name = "ticket_effort", joinColumns = @JoinColumn(name = "ticket_id"))
                    @MapKeyEnumerated(EnumType.STRING)
                    @MapKeyColumn(name = "priority", length = 10)
                    @Column(name = "hours", precision = 6, scale = 2)
                    private Map<Priority, BigDecimal> effortByPriority;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "project")
                public class Project extends AbstractAuditable<AppUser, Long> {
                    @TenantId
                    @Column(name = "tenant_id", length = 40)
                    private String tenantId;
                    private String name;
                    @OneToMany(mappedBy = "project")
                    @MapKey(name = "id")
                    private Map<Long, Ticket> tickets;
                    @OneToOne(mappedBy = "project")
                    private ProjectSettings settings;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "project_settings")
                public class ProjectSettings {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hibernate_sequence")
                    @SequenceGenerator(name = "hibernate_sequence", sequenceName = "hibernate_sequence", allocationSize = 1)
                    private Long id;
                    @OneToOne(optional = false)
                    @JoinColumn(name = "project_id", unique = true)
                    private Project project;
                    private boolean publicBoard;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "webhook")
                public class Webhook {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hibernate_sequence")
                    @SequenceGenerator(name = "hibernate_sequence", sequenceName = "hibernate_sequence", allocationSize = 1)
                    private Long id;
                    @Column(nullable = false, length = 2048)
                    private String url;
                    @ManyToOne(optional = false)
                    private Project project;
                }
                """));
    }

    // ------------------------------------------------------------------------ derived identities (order lines)

    static Spec derivedIds() {
        return spec("derived_ids", sources("rw.derived", """
                @Entity
                @jakarta.persistence.Table(name = "purchase_order")
                public class PurchaseOrder {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @Column(nullable = false)
                    private LocalDateTime createdAt;
                    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
                    private List<PurchaseOrderLine> lines;
                }
                """, """
                @Embeddable
                public class PurchaseOrderLineId implements Serializable {
                    private Long orderId;
                    @Column(name = "line_no")
                    private Integer lineNo;
                    public boolean equals(Object o) {
                        return o instanceof PurchaseOrderLineId k && Objects.equals(orderId, k.orderId) && Objects.equals(lineNo, k.lineNo);
                    }
                    public int hashCode() { return Objects.hash(orderId, lineNo); }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "purchase_order_line")
                public class PurchaseOrderLine {
                    @EmbeddedId
                    private PurchaseOrderLineId id;
                    @MapsId("orderId")
                    @ManyToOne
                    @JoinColumn(name = "order_id")
                    private PurchaseOrder order;
                    @Column(nullable = false, length = 40)
                    private String sku;
                    private int quantity;
                }
                """, """
                public class DeliveryId implements Serializable {
                    private PurchaseOrderLineId line;
                    private Integer seq;
                    public boolean equals(Object o) { return o instanceof DeliveryId d && Objects.equals(line, d.line) && Objects.equals(seq, d.seq); }
                    public int hashCode() { return Objects.hash(line, seq); }
                }
                """, """
                @Entity
                @IdClass(DeliveryId.class)
                @jakarta.persistence.Table(name = "delivery")
                public class Delivery {
                    @Id
                    @ManyToOne
                    @JoinColumns({
                        @JoinColumn(name = "order_id", referencedColumnName = "order_id"),
                        @JoinColumn(name = "line_no", referencedColumnName = "line_no")
                    })
                    private PurchaseOrderLine line;
                    @Id
                    private Integer seq;
                    private LocalDate deliveredOn;
                    private int quantity;
                }
                """));
    }

    // ----------------------------- a legacy code base: java.util.Date, columnDefinition, long names, odd choices

    static Spec legacy() {
        return spec("legacy", sources("rw.old", """
                @Entity
                @jakarta.persistence.Table(name = "Country")
                public class Country {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @Column(name = "iso_code", length = 2, nullable = false, unique = true)
                    private String isoCode;
                    @Column(columnDefinition = "VARCHAR(100) NOT NULL")
                    private String name;
                    @Column(columnDefinition = "VARCHAR(3)")
                    private String currencyCode;
                    @Column(columnDefinition = "INT DEFAULT 0")
                    private Integer population;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "UserAccount",
                    indexes = {
                        @jakarta.persistence.Index(name = "ix_user_account_email", columnList = "email"),
                        @jakarta.persistence.Index(name = "ix_user_account_created", columnList = "createdOn")
                    })
                public class UserAccount {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;
                    @Column(unique = true, nullable = false)
                    private String email;
                    @NaturalId(mutable = true)
                    @Column(unique = true)
                    private String username;
                    @jakarta.persistence.Temporal(TemporalType.TIMESTAMP)
                    @Column(name = "createdOn", nullable = false)
                    private java.util.Date createdOn;
                    @jakarta.persistence.Temporal(TemporalType.DATE)
                    private java.util.Date birthDate;
                    private java.sql.Timestamp lastLogin;
                    @Column(precision = 10)
                    private Double creditLimit;
                    @Column(precision = 6)
                    private Float riskScore;
                    @Column(length = 65535)
                    private String notes;
                    @Column(length = org.hibernate.Length.LONG32)
                    private String history;
                    @JdbcTypeCode(SqlTypes.VARCHAR)
                    private UUID externalRef;
                    @Column(columnDefinition = "timestamp with time zone default now()", insertable = false, updatable = false)
                    private OffsetDateTime rowCreatedAt;
                    @ManyToOne
                    @JoinColumn(name = "country_code", referencedColumnName = "iso_code")
                    private Country country;
                    @OneToOne
                    @JoinColumn(name = "avatar_id", unique = true)
                    private Attachment avatar;
                }
                """, """
                @Entity
                public class Attachment {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    private String fileName;
                    private byte[] content;
                    @Check(constraints = "size_bytes >= 0")
                    @Column(name = "size_bytes")
                    private long sizeBytes;
                }
                """));
    }

    /**
     * Names longer than PostgreSQL's 63 bytes, as implicit naming makes them for join and collection tables: the
     * database keeps them cut to 63 bytes (and so does every query the application sends), so gen must compare
     * them the way PostgreSQL stores them. Hibernate's own SchemaValidator cannot validate such a table (it looks
     * for the full name), so this model runs the oracle without the validator step.
     */
    static Spec longNames() {
        return spec("long_names", sources("rw.longnames", """
                @Entity
                public class UserAccount { @Id @GeneratedValue private Long id; private String email; }
                """, """
                @Entity
                @jakarta.persistence.Table(indexes = @jakarta.persistence.Index(
                    name = "ix_organization_membership_invitation_request_salutation_text_for_recipients",
                    columnList = "invitation_message_additional_personalized_salutation_text_for_recipients"))
                public class OrganizationMembershipInvitationRequest {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @ManyToMany
                    private Set<UserAccount> notificationPreferenceOverrideRecipients;
                    @ElementCollection
                    private Set<String> additionalNotificationPreferenceOverrideKeys;
                    @Column(name = "invitation_message_additional_personalized_salutation_text_for_recipients")
                    private String salutation;
                }
                """));
    }

    @Test
    void identifiersLongerThanPostgresKeeps() throws Exception {
        Spec spec = longNames();
        FidelityHarness.Model model = harness.model(spec.name(), spec.sources(), spec.settings());
        FidelityHarness.reset(harness.genDatabase());
        FidelityHarness.reset(harness.hibernateDatabase());
        HibernateSchemaExport.create(List.of(model.classes()), model.settings(), harness.hibernateDatabase());
        CatalogSnapshot exported = CatalogSnapshot.of(harness.hibernateDatabase());
        GenConfig config = harness.config(model, harness.genDatabase(), Files.createTempDirectory("gen-long-names"));
        GenerateResult first = Generator.generate(config, GenerateRequest.write("CreateLongNames").at(1_800_000_000_000L));
        assertTrue(first.hasChanges(), "generate on an empty database found nothing to do");
        Migrations.run(config, RunOptions.defaults());
        CatalogSnapshot.of(harness.genDatabase()).assertEquals(exported, "long names: gen's migration vs Hibernate's export"
                + "\nmigration:\n" + String.join(";\n", first.plan().upStatements()));
        harness.assertNoChanges(model, harness.genDatabase(), "long names: generate again after gen's own migration");
        harness.assertNoChanges(model, harness.hibernateDatabase(), "long names: adoption of Hibernate's export");
    }

    /** Two collection tables whose names differ only after 63 bytes would be one table: gen refuses, naming both. */
    @Test
    void namesEqualAfterPostgresCutsThemAreRefused() throws Exception {
        FidelityHarness.Model model = harness.model("long_collision", sources("rw.collision", """
                @Entity
                public class OrganizationMembershipInvitationRequest {
                    @Id @GeneratedValue private Long id;
                    @ElementCollection private Set<String> additionalNotificationPreferenceOverrideKeysForAdmins;
                    @ElementCollection private Set<String> additionalNotificationPreferenceOverrideKeysForMembers;
                }
                """));
        FidelityHarness.reset(harness.genDatabase());
        java.nio.file.Path migrations = Files.createTempDirectory("gen-long-collision");
        GenException error = assertThrows(GenException.class, () -> Generator.generate(
                harness.config(model, harness.genDatabase(), migrations), GenerateRequest.write("Collision")));
        assertTrue(error.getMessage().contains("OrganizationMembershipInvitationRequest_additionalNotificationPreferenceOverrideKeysForAdmins")
                && error.getMessage().contains("OrganizationMembershipInvitationRequest_additionalNotificationPreferenceOverrideKeysForMembers")
                && error.getMessage().contains("63"), error.getMessage());
        try (var files = Files.list(migrations)) {
            assertTrue(files.findAny().isEmpty(), "nothing written");
        }
    }

    static Stream<Spec> models() {
        return Stream.of(petclinic(), jhipster(), commerce(), tenant(), tenantLegacyNaming(), springData(), derivedIds(), legacy());
    }

    // ------------------------------------------------------------------------------------------- evolutions

    static Spec shop(String... classes) {
        return spec("shop", sources("rw.shop", classes));
    }

    static final String CUSTOMER = """
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                @Column(nullable = false, length = 100) private String name;
                @Column(unique = true) private String email;
            }
            """;

    static Stream<Pair> pairs() {
        return Stream.of(
                pair("entity_with_fk_added", shop(CUSTOMER), shop(CUSTOMER, """
                        @Entity
                        @jakarta.persistence.Table(name = "invoice", indexes = @jakarta.persistence.Index(name = "ix_invoice_issued", columnList = "issued_on"))
                        public class Invoice {
                            @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                            @ManyToOne(optional = false) @JoinColumn(name = "customer_id") private Customer customer;
                            @Column(name = "issued_on", nullable = false) private LocalDate issuedOn;
                            @Column(precision = 12, scale = 2, nullable = false) private BigDecimal total;
                        }
                        """)),
                pair("nullable_column_and_index_added", shop(CUSTOMER, """
                        @Entity
                        public class Product { @Id @GeneratedValue private Long id; private String name; }
                        """), shop(CUSTOMER, """
                        @Entity
                        @jakarta.persistence.Table(indexes = @jakarta.persistence.Index(name = "ix_product_sku_name", columnList = "sku, name"))
                        public class Product { @Id @GeneratedValue private Long id; private String name; @Column(length = 40) private String sku; private LocalDateTime discontinuedAt; }
                        """)),
                pair("varchar_widened", shop(CUSTOMER), shop(CUSTOMER.replace("length = 100", "length = 255"))),
                pair("column_made_nullable", shop(CUSTOMER, """
                        @Entity
                        public class Address {
                            @Id @GeneratedValue private Long id;
                            @Column(nullable = false) private String city;
                            @ManyToOne(optional = false) @JoinColumn(nullable = false) private Customer customer;
                        }
                        """), shop(CUSTOMER.replace("nullable = false, ", ""), """
                        @Entity
                        public class Address {
                            @Id @GeneratedValue private Long id;
                            private String city;
                            @ManyToOne private Customer customer;
                        }
                        """)),
                pair("many_to_many_added", shop(CUSTOMER, """
                        @Entity
                        public class Segment { @Id @GeneratedValue private Long id; private String label; }
                        """), shop(CUSTOMER.replace("private String email;",
                        "private String email; @ManyToMany private Set<Segment> segments = new HashSet<>();"), """
                        @Entity
                        public class Segment { @Id @GeneratedValue private Long id; private String label; @ManyToMany(mappedBy = "segments") private Set<Customer> customers; }
                        """)),
                new Pair("embeddable_column_split", shop("""
                        @Embeddable
                        public class PersonName { @Column(name = "full_name", length = 200) private String fullName; }
                        """, """
                        @Entity
                        public class Contact { @Id @GeneratedValue private Long id; @Embedded private PersonName name; private String phone; }
                        """), shop("""
                        @Embeddable
                        public class PersonName {
                            @Column(name = "given_name", length = 100) private String givenName;
                            @Column(name = "family_name", length = 100, nullable = false) private String familyName;
                        }
                        """, """
                        @Entity
                        public class Contact { @Id @GeneratedValue private Long id; @Embedded private PersonName name; private String phone; }
                        """), true,
                        // the real thing: fill the new NOT NULL column from the column the same migration drops
                        Map.of("contact.family_name", "coalesce(nullif(split_part(full_name, ' ', 2), ''), '?')")),
                pair("unique_constraint_columns_changed", shop("""
                        @Entity
                        @jakarta.persistence.Table(name = "membership",
                            uniqueConstraints = @UniqueConstraint(name = "uk_membership", columnNames = { "org_id", "email" }))
                        public class Membership {
                            @Id @GeneratedValue private Long id;
                            @Column(name = "org_id", nullable = false) private Long orgId;
                            private String email; private String login;
                        }
                        """), shop("""
                        @Entity
                        @jakarta.persistence.Table(name = "membership",
                            uniqueConstraints = @UniqueConstraint(name = "uk_membership", columnNames = { "org_id", "login" }))
                        public class Membership {
                            @Id @GeneratedValue private Long id;
                            @Column(name = "org_id", nullable = false) private Long orgId;
                            private String email; private String login;
                        }
                        """)),
                pair("string_enum_value_added", shop("""
                        public enum AccountStatus { ACTIVE, SUSPENDED }
                        """, """
                        @Entity
                        public class Account {
                            @Id @GeneratedValue private Long id;
                            @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) private AccountStatus status;
                            @Enumerated(EnumType.STRING) private AccountStatus previousStatus;
                        }
                        """), shop("""
                        public enum AccountStatus { ACTIVE, PENDING_VERIFICATION, SUSPENDED, CLOSED }
                        """, """
                        @Entity
                        public class Account {
                            @Id @GeneratedValue private Long id;
                            @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) private AccountStatus status;
                            @Enumerated(EnumType.STRING) private AccountStatus previousStatus;
                        }
                        """)),
                pair("entity_dropped", shop(CUSTOMER, """
                        @Entity
                        public class LegacyNote {
                            @Id @GeneratedValue private Long id;
                            @ManyToOne private Customer customer;
                            @Lob private String body;
                            @ElementCollection private Set<String> keywords;
                            @ManyToMany private Set<Customer> mentions;
                        }
                        """), shop(CUSTOMER)),
                pair("petclinic_visit_gets_vet", petclinic(), spec("petclinic", Corpus.merge(petclinic().sources(),
                        sources("rw.petclinic", """
                        @Entity
                        @jakarta.persistence.Table(name = "visits", indexes = @jakarta.persistence.Index(name = "ix_visits_date", columnList = "visit_date"))
                        public class Visit extends BaseEntity {
                            @Column(name = "visit_date", nullable = false)
                            private LocalDate date = LocalDate.now();
                            @Column(name = "description", length = 1000)
                            private String description;
                            @ManyToOne
                            @JoinColumn(name = "vet_id")
                            private Vet vet;
                        }
                        """)))),
                pair("jhipster_enum_value_added", jhipster(), spec("jhipster", Corpus.merge(jhipster().sources(),
                        sources("rw.jhipster", """
                        public enum CategoryStatus { AVAILABLE, RESTRICTED, ARCHIVED, DISABLED }
                        """))).with("hibernate.physical_naming_strategy", CAMEL)));
    }
}
