package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.pair;
import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.GenerateRequest;
import dev.gen.core.GenerateResult;
import dev.gen.core.Generator;
import dev.gen.core.Migrations;
import dev.gen.fidelity.Corpus.Pair;
import dev.gen.fidelity.Corpus.Spec;
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
 * A second sweep of models written the way applications write them: an identity/IAM model shaped like
 * Keycloak's, a CMS/blog, an inventory/ERP model, a model full of Hibernate-specific annotations, one-to-one
 * key variants and a feature-flag model full of defaults and FK options; plus the evolutions such models go through. Same oracle as {@link RealWorldFidelityTest}.
 */
class RealWorldFidelitySecondTest extends FidelitySuite implements FidelitySuite.RoundTrips, FidelitySuite.Evolutions {

    RealWorldFidelitySecondTest() {
        super("realworld2");
    }

    @Override
    public String modelPrefix() {
        return "rw2_";
    }

    // ------------------------------------------------------------------------------------ identity / IAM

    static Spec iam() {
        return spec("iam", sources("rw2.iam", """
                @Entity
                @jakarta.persistence.Table(name = "realm")
                public class RealmEntity {
                    @Id
                    @Column(name = "id", length = 36)
                    @Access(AccessType.PROPERTY)
                    private String id;
                    @Column(name = "name", unique = true)
                    private String name;
                    @Column(name = "enabled")
                    private boolean enabled;
                    @Column(name = "ssl_required")
                    private String sslRequired;
                    @Column(name = "access_token_lifespan")
                    private int accessTokenLifespan;
                    @Column(name = "default_locale")
                    private String defaultLocale;
                    @ElementCollection
                    @MapKeyColumn(name = "name")
                    @Column(name = "value")
                    @CollectionTable(name = "realm_smtp_config", joinColumns = { @JoinColumn(name = "realm_id") })
                    private Map<String, String> smtpConfig = new HashMap<>();
                    @ElementCollection
                    @Column(name = "value")
                    @CollectionTable(name = "realm_supported_locales", joinColumns = { @JoinColumn(name = "realm_id") })
                    private Set<String> supportedLocales = new HashSet<>();
                    @OneToMany(cascade = CascadeType.REMOVE, orphanRemoval = true, mappedBy = "realm")
                    private Collection<RealmAttributeEntity> attributes = new LinkedList<>();
                    public String getId() { return id; }
                    public void setId(String id) { this.id = id; }
                }
                """, """
                @Entity
                @IdClass(RealmAttributeEntity.Key.class)
                @jakarta.persistence.Table(name = "realm_attribute")
                public class RealmAttributeEntity {
                    @Id
                    @Column(name = "name")
                    private String name;
                    @Id
                    @ManyToOne(fetch = FetchType.LAZY)
                    @JoinColumn(name = "realm_id")
                    private RealmEntity realm;
                    @Column(name = "value", columnDefinition = "TEXT")
                    @Nationalized
                    private String value;
                    public static class Key implements Serializable {
                        protected RealmEntity realm;
                        protected String name;
                        @Override public boolean equals(Object o) { return o instanceof Key k && Objects.equals(name, k.name); }
                        @Override public int hashCode() { return Objects.hashCode(name); }
                    }
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "client", uniqueConstraints = { @UniqueConstraint(columnNames = { "realm_id", "client_id" }) })
                public class ClientEntity {
                    @Id
                    @Column(name = "id", length = 36)
                    private String id;
                    @Column(name = "client_id")
                    private String clientId;
                    @Nationalized
                    @Column(name = "name")
                    private String name;
                    @Column(name = "realm_id")
                    private String realmId;
                    @Column(name = "enabled")
                    private boolean enabled;
                    @Column(name = "public_client")
                    private boolean publicClient;
                    @Column(name = "secret")
                    private String secret;
                    @Column(name = "not_before")
                    private int notBefore;
                    @ElementCollection
                    @Column(name = "value")
                    @CollectionTable(name = "redirect_uris", joinColumns = { @JoinColumn(name = "client_id") })
                    private Set<String> redirectUris = new HashSet<>();
                    @ElementCollection
                    @MapKeyColumn(name = "name")
                    @Column(name = "value", length = 4000)
                    @CollectionTable(name = "client_attributes", joinColumns = { @JoinColumn(name = "client_id") })
                    private Map<String, String> attributes = new HashMap<>();
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "keycloak_role", uniqueConstraints = {
                        @UniqueConstraint(columnNames = { "name", "client_realm_constraint" }) })
                public class RoleEntity {
                    @Id
                    @Column(name = "id", length = 36)
                    private String id;
                    @Nationalized
                    @Column(name = "name")
                    private String name;
                    @Nationalized
                    @Column(name = "description")
                    private String description;
                    @Column(name = "client_role")
                    private boolean clientRole;
                    @Column(name = "realm_id")
                    private String realmId;
                    @ManyToOne(fetch = FetchType.LAZY)
                    @JoinColumn(name = "realm")
                    private RealmEntity realm;
                    @ManyToOne(fetch = FetchType.LAZY)
                    @JoinColumn(name = "client")
                    private ClientEntity client;
                    @Column(name = "client_realm_constraint", length = 36)
                    private String clientRealmConstraint;
                    @ManyToMany(fetch = FetchType.LAZY, cascade = {})
                    @JoinTable(name = "composite_role", joinColumns = @JoinColumn(name = "composite"),
                            inverseJoinColumns = @JoinColumn(name = "child_role"))
                    private Set<RoleEntity> compositeRoles = new HashSet<>();
                    @ElementCollection
                    @CollectionTable(name = "role_attribute", joinColumns = @JoinColumn(name = "role_id"))
                    @MapKeyColumn(name = "name")
                    @Column(name = "value")
                    private Map<String, String> attributes = new HashMap<>();
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "user_entity", uniqueConstraints = {
                        @UniqueConstraint(columnNames = { "realm_id", "username" }),
                        @UniqueConstraint(columnNames = { "realm_id", "email_constraint" }) },
                        indexes = { @jakarta.persistence.Index(name = "idx_user_email", columnList = "email") })
                public class UserEntity {
                    @Id
                    @Column(name = "id", length = 36)
                    private String id;
                    @Nationalized
                    @Column(name = "username")
                    private String username;
                    @Nationalized
                    @Column(name = "first_name")
                    private String firstName;
                    @Column(name = "created_timestamp")
                    private Long createdTimestamp;
                    @Nationalized
                    @Column(name = "last_name")
                    private String lastName;
                    @Column(name = "email")
                    private String email;
                    @Column(name = "enabled")
                    private boolean enabled;
                    @Column(name = "email_verified")
                    private boolean emailVerified;
                    @Column(name = "email_constraint")
                    private String emailConstraint;
                    @Column(name = "realm_id")
                    private String realmId;
                    @Column(name = "service_account_client_link")
                    private String serviceAccountClientLink;
                    @Column(name = "not_before")
                    private int notBefore;
                    @ElementCollection
                    @CollectionTable(name = "user_attribute_map", joinColumns = @JoinColumn(name = "user_id"))
                    @MapKeyColumn(name = "name", length = 255)
                    @Column(name = "value", length = 2048)
                    private Map<String, String> attributes = new HashMap<>();
                    @OneToMany(cascade = CascadeType.REMOVE, orphanRemoval = true, mappedBy = "user")
                    @BatchSize(size = 20)
                    private Collection<CredentialEntity> credentials = new LinkedList<>();
                    @ManyToMany
                    @JoinTable(name = "user_role_mapping", joinColumns = @JoinColumn(name = "user_id"),
                            inverseJoinColumns = @JoinColumn(name = "role_id"))
                    private Set<RoleEntity> roles = new HashSet<>();
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "credential", indexes = @jakarta.persistence.Index(name = "idx_user_credential", columnList = "user_id"))
                public class CredentialEntity {
                    @Id
                    @Column(name = "id", length = 36)
                    private String id;
                    @Column(name = "type")
                    private String type;
                    @Column(name = "user_label")
                    private String userLabel;
                    @Column(name = "created_date")
                    private Long createdDate;
                    @ManyToOne(fetch = FetchType.LAZY)
                    @JoinColumn(name = "user_id")
                    private UserEntity user;
                    @Lob
                    @Column(name = "secret_data")
                    private String secretData;
                    @Lob
                    @Column(name = "credential_data")
                    private String credentialData;
                    @Lob
                    @Column(name = "salt")
                    private byte[] salt;
                    @Column(name = "priority")
                    private int priority;
                    @Version
                    @Column(name = "version")
                    private int version;
                }
                """));
    }

    // ---------------------------------------------------------------------------------------------- CMS / blog

    static final String CMS_AUTHOR = """
            @Entity
            @jakarta.persistence.Table(name = "authors")
            public class Author {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, unique = true, length = 320) private String email;
                @Column(name = "display_name", nullable = false, length = 100) private String displayName;
                @Column(columnDefinition = "TEXT") private String bio;
                @OneToMany(mappedBy = "author") private List<Post> posts = new ArrayList<>();
            }
            """;

    static final String CMS_TAG = """
            @Entity
            @jakarta.persistence.Table(name = "tags")
            public class Tag {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @NaturalId @Column(nullable = false, length = 50) private String name;
                @ManyToMany(mappedBy = "tags") private Set<Post> posts = new HashSet<>();
            }
            """;

    static final String CMS_STATUS = """
            public enum PostStatus { DRAFT, SCHEDULED, PUBLISHED, ARCHIVED }
            """;

    static final String CMS_POST = """
            @Entity
            @jakarta.persistence.Table(name = "posts")
            @Check(constraints = "char_length(title) > 0")
            public class Post {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 200) private String title;
                @Column(nullable = false, unique = true, length = 200) private String slug;
                @Column(columnDefinition = "TEXT") private String body;
                @Column(name = "published_at") @ColumnDefault("CURRENT_TIMESTAMP") private LocalDateTime publishedAt;
                @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) @ColumnDefault("'DRAFT'") private PostStatus status;
                @Formula("(select count(*) from comments c where c.post_id = id)") private int commentCount;
                @Transient private String excerpt;
                @ManyToOne(optional = false, fetch = FetchType.LAZY) @JoinColumn(name = "author_id") private Author author;
                @ManyToMany
                @JoinTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
                private Set<Tag> tags = new HashSet<>();
                @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true) private List<Comment> comments = new ArrayList<>();
                @CreationTimestamp @Column(name = "created_at", updatable = false) private Instant createdAt;
                @UpdateTimestamp @Column(name = "updated_at") private Instant updatedAt;
                public String getExcerpt() { return body == null ? null : body.substring(0, Math.min(body.length(), 100)); }
            }
            """;

    static final String CMS_COMMENT = """
            @Entity
            @jakarta.persistence.Table(name = "comments")
            public class Comment {
                @Id
                @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
                @SequenceGenerator(name = "comment_seq", sequenceName = "comment_id_seq", allocationSize = 20)
                private Long id;
                @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "post_id", nullable = false) private Post post;
                @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "parent_id") private Comment parent;
                @OneToMany(mappedBy = "parent") @jakarta.persistence.OrderBy("createdAt") private List<Comment> replies = new ArrayList<>();
                @Column(columnDefinition = "TEXT", nullable = false) private String content;
                @Column(name = "author_email", length = 320) private String authorEmail;
                private boolean approved;
                @ColumnDefault("0") @Check(constraints = "likes >= 0") @Column(nullable = false) private int likes;
                @Column(name = "created_at", nullable = false) private LocalDateTime createdAt;
            }
            """;

    static Spec cms() {
        return spec("cms", sources("rw2.cms", CMS_AUTHOR, CMS_TAG, CMS_STATUS, CMS_POST, CMS_COMMENT, """
                @Entity
                @jakarta.persistence.Table(name = "pages", uniqueConstraints = @UniqueConstraint(name = "uk_pages_parent_slug", columnNames = { "parent_id", "slug" }))
                public class Page {
                    @Id @GeneratedValue private Long id;
                    @Column(nullable = false, length = 120) private String slug;
                    @Column(columnDefinition = "TEXT") private String content;
                    @ManyToOne @JoinColumn(name = "parent_id") private Page parent;
                    @OneToMany(mappedBy = "parent") @OrderColumn(name = "position") private List<Page> children = new ArrayList<>();
                    @Column(name = "menu_order") private Short menuOrder;
                }
                """));
    }

    // -------------------------------------------------------------------------------------- inventory / ERP

    static final String ERP_MEASURE = """
            @Embeddable
            public class Measure {
                @Column(precision = 12, scale = 3) private BigDecimal value;
                @Column(length = 8) private String unit;
            }
            """;

    static final String ERP_DIMENSIONS = """
            @Embeddable
            public class Dimensions {
                @Embedded
                @AttributeOverrides({
                    @AttributeOverride(name = "value", column = @Column(name = "length_value", precision = 12, scale = 3)),
                    @AttributeOverride(name = "unit", column = @Column(name = "length_unit", length = 8)) })
                private Measure length;
                @Embedded
                @AttributeOverrides({
                    @AttributeOverride(name = "value", column = @Column(name = "weight_value", precision = 12, scale = 3)),
                    @AttributeOverride(name = "unit", column = @Column(name = "weight_unit", length = 8)) })
                private Measure weight;
            }
            """;

    static final String ERP_STOCK_ITEM = """
            @Entity
            @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
            public abstract class StockItem {
                @Id
                @GeneratedValue(strategy = GenerationType.TABLE, generator = "item_gen")
                @TableGenerator(name = "item_gen", table = "id_generators", pkColumnName = "gen_name",
                        valueColumnName = "gen_value", pkColumnValue = "stock_item", allocationSize = 10)
                private Long id;
                @Column(nullable = false, length = 40) private String sku;
                @Column(name = "unit_cost", precision = 19, scale = 4) private BigDecimal unitCost;
                @Version @Column(name = "last_updated") private java.sql.Timestamp lastUpdated;
                @Embedded private Dimensions dimensions;
            }
            """;

    static final String ERP_WAREHOUSE = """
            @Entity
            public class Warehouse {
                @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                @Column(nullable = false, unique = true, length = 20) private String code;
                @Column(name = "time_zone") private TimeZone timeZone;
                @OneToOne(mappedBy = "warehouse", cascade = CascadeType.ALL, optional = false) private WarehouseProfile profile;
            }
            """;

    static final String ERP_STOCK_LEVEL = """
            @Entity
            @jakarta.persistence.Table(name = "stock_level")
            public class StockLevel {
                @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                @ManyToOne(optional = false) @JoinColumn(name = "warehouse_id") private Warehouse warehouse;
                @ManyToOne(optional = false) @JoinColumn(name = "material_id") private RawMaterial material;
                @Column(precision = 19, scale = 4, nullable = false) private BigDecimal quantity;
                @Column(name = "counted_at") private OffsetDateTime countedAt;
            }
            """;

    static final String ERP_FINISHED_GOOD = """
            @Entity
            @jakarta.persistence.Table(name = "finished_good")
            @SecondaryTable(name = "finished_good_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "good_id"))
            public class FinishedGood extends StockItem {
                @Column(name = "model_year") private Year modelYear;
                @Column(name = "market_locale") private Locale marketLocale;
                @Column(name = "marketing_text", table = "finished_good_details", columnDefinition = "TEXT") private String marketingText;
                @Column(name = "launched_at", table = "finished_good_details") private ZonedDateTime launchedAt;
            }
            """;

    static Spec erp() {
        return spec("erp", sources("rw2.erp", ERP_MEASURE, ERP_DIMENSIONS, ERP_STOCK_ITEM, """
                @Entity
                @jakarta.persistence.Table(name = "raw_material")
                public class RawMaterial extends StockItem {
                    @Column(name = "purchase_currency") private Currency purchaseCurrency;
                    @Column(name = "lead_time") private Duration leadTime;
                    @Column(name = "supplier_url") private java.net.URL supplierUrl;
                }
                """, ERP_FINISHED_GOOD, ERP_WAREHOUSE, """
                @Entity
                @jakarta.persistence.Table(name = "warehouse_profile")
                public class WarehouseProfile {
                    @Id private Long id;
                    @OneToOne(optional = false) @PrimaryKeyJoinColumn private Warehouse warehouse;
                    @Column(length = 100) private String manager;
                    @Column(name = "opened_at") private ZonedDateTime openedAt;
                    @Column(name = "capacity_m3", precision = 19, scale = 4) private BigDecimal capacity;
                }
                """, ERP_STOCK_LEVEL));
    }

    // -------------------------------------------------------------------------------- Hibernate-specific

    static final String HIB_FOLDER = """
            @Entity
            @jakarta.persistence.Table(name = "folder")
            public class Folder implements Taggable {
                @Id @GeneratedValue private Long id;
                @Column(nullable = false) private String name;
                @ManyToOne(fetch = FetchType.LAZY) @OnDelete(action = OnDeleteAction.CASCADE) private Folder parent;
            }
            """;

    static final String HIB_TAGGABLE = """
            public interface Taggable { }
            """;

    static final String HIB_DOCUMENT = """
            @Entity
            @jakarta.persistence.Table(name = "document")
            @DynamicUpdate
            @BatchSize(size = 50)
            @SQLRestriction("deleted = false")
            public class Document implements Taggable {
                @Id @GeneratedValue private Long id;
                @Column(nullable = false) private String name;
                private boolean deleted;
                @ManyToOne(fetch = FetchType.LAZY, optional = false) @OnDelete(action = OnDeleteAction.CASCADE) private Folder folder;
                @OneToMany(mappedBy = "document") @Fetch(FetchMode.SUBSELECT) @SQLRestriction("visible = true")
                private Set<Attachment> attachments = new HashSet<>();
                @Array(length = 10) private String[] labels;
                @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "page_sizes") private int[] pageSizes;
                @JdbcTypeCode(SqlTypes.JSON) private DocumentMeta meta;
            }
            """;

    static Spec hibernateSpecific() {
        return spec("hibernate_specific", sources("rw2.hib", HIB_TAGGABLE, HIB_FOLDER, HIB_DOCUMENT, """
                public record DocumentMeta(String mimeType, long size, List<String> authors) { }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "attachment")
                public class Attachment {
                    @Id @GeneratedValue private Long id;
                    @ManyToOne(optional = false) private Document document;
                    private boolean visible;
                    @Column(name = "file_name") private String fileName;
                }
                """, """
                @Entity
                @Immutable
                @jakarta.persistence.Table(name = "audit_event")
                public class AuditEvent {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Column(nullable = false, updatable = false) private Instant at;
                    @Column(length = 64) private String actor;
                    @JdbcTypeCode(SqlTypes.JSON) private Map<String, Object> details;
                }
                """, """
                @Entity
                @Immutable
                @Subselect("select f.id as id, f.name as name, count(d.id) as document_count from folder f left join document d on d.folder_id = f.id group by f.id, f.name")
                @Synchronize({ "folder", "document" })
                public class FolderSummary {
                    @Id private Long id;
                    private String name;
                    @Column(name = "document_count") private long documentCount;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "tag_link")
                public class TagLink {
                    @Id @GeneratedValue private Long id;
                    @Column(nullable = false, length = 40) private String label;
                    @Any
                    @AnyDiscriminator(DiscriminatorType.STRING)
                    @AnyDiscriminatorValue(discriminator = "F", entity = Folder.class)
                    @AnyDiscriminatorValue(discriminator = "D", entity = Document.class)
                    @AnyKeyJavaClass(Long.class)
                    @Column(name = "target_type", length = 1)
                    @JoinColumn(name = "target_id")
                    private Taggable target;
                    @ManyToAny
                    @AnyDiscriminator(DiscriminatorType.STRING)
                    @Column(name = "related_type", length = 1)
                    @AnyDiscriminatorValue(discriminator = "F", entity = Folder.class)
                    @AnyDiscriminatorValue(discriminator = "D", entity = Document.class)
                    @AnyKeyJavaClass(Long.class)
                    @JoinTable(name = "tag_link_related", joinColumns = @JoinColumn(name = "tag_link_id"),
                            inverseJoinColumns = @JoinColumn(name = "related_id"))
                    private List<Taggable> related = new ArrayList<>();
                }
                """));
    }

    // ------------------------------------------------------------------------------------ one-to-one keys

    static final String KEYS_EMPLOYEE = """
            @Entity
            public class Employee {
                @Id @GeneratedValue private Long id;
                @Column(nullable = false) private String name;
                @ManyToOne @JoinColumn(name = "badge_id", unique = true) private Badge badge;
                @ManyToOne @JoinColumn(name = "department_id") private Department department;
                @OneToOne(mappedBy = "employee") private Locker locker;
                @OneToOne(mappedBy = "employee", cascade = CascadeType.ALL) private EmployeeDetails details;
            }
            """;

    static Spec keys() {
        return spec("one_to_one_keys", sources("rw2.keys", KEYS_EMPLOYEE, """
                @Entity
                public class Badge { @Id @GeneratedValue private Long id; @Column(nullable = false, length = 16) private String serial; }
                """, """
                @Entity
                public class Locker {
                    @Id @GeneratedValue private Long id;
                    @Column(nullable = false, unique = true, length = 10) private String number;
                    @OneToOne @JoinColumn(name = "employee_id") private Employee employee;
                }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "employee_details")
                public class EmployeeDetails {
                    @Id private Long id;
                    @OneToOne(fetch = FetchType.LAZY) @MapsId @JoinColumn(name = "employee_id") private Employee employee;
                    @Column(name = "emergency_contact") private String emergencyContact;
                }
                """, """
                @Entity
                public class Department {
                    @Id @GeneratedValue private Long id;
                    @Column(unique = true, nullable = false, length = 12) private String code;
                    @OneToOne @JoinColumn(name = "head_id", unique = true) private Employee head;
                    @ManyToOne @JoinColumn(name = "parent_code", referencedColumnName = "code") private Department parent;
                }
                """));
    }

    static Spec struct() {
        return spec("struct", sources("rw2.struct", """
                @Embeddable
                @Struct(name = "postal_address")
                public class PostalAddress {
                    private String street;
                    @Column(length = 80) private String city;
                    @Column(length = 2) private String country;
                }
                """, """
                @Entity
                public class Supplier {
                    @Id @GeneratedValue private Long id;
                    private String name;
                    private PostalAddress address;
                }
                """));
    }

    /**
     * Hibernate maps {@code @Struct} embeddables on PostgreSQL to a composite type it creates with
     * {@code create type}; gen does not generate types other than named enums, so it refuses, naming the table, the
     * entity, the type and the column, and writes nothing (before the fix it failed in its scratch database with
     * "type postal_address does not exist").
     */
    @Test
    void structEmbeddableIsRefused() throws Exception {
        Spec spec = struct();
        FidelityHarness.Model model = harness.model(spec.name(), spec.sources());
        FidelityHarness.reset(harness.genDatabase());
        java.nio.file.Path migrations = Files.createTempDirectory("gen-rw2-struct");
        GenException error = assertThrows(GenException.class, () -> Generator.generate(
                harness.config(model, harness.genDatabase(), migrations), GenerateRequest.write("Struct")));
        String message = error.getMessage();
        assertTrue(message.contains("public.supplier") && message.contains("(entity rw2.struct.Supplier)")
                && message.contains("postal_address") && message.contains("@Struct") && message.contains("address"),
                message);
        try (var files = Files.list(migrations)) {
            assertTrue(files.findAny().isEmpty(), "nothing written");
        }
    }

    // --------------------------------------------------------- feature flags: defaults, checks, FK options

    static final String FLAGS_PROJECT = """
            @Entity
            @jakarta.persistence.Table(name = "project")
            public class Project {
                @Id @GeneratedValue(strategy = GenerationType.UUID) private UUID id;
                @Column(nullable = false, unique = true, length = 64) private String key;
            }
            """;

    static final String FLAGS_FLAG = """
            @Entity
            @jakarta.persistence.Table(name = "feature_flag", uniqueConstraints = @UniqueConstraint(columnNames = { "project_id", "flag_key" }))
            @Check(name = "ck_flag_rollout", constraints = "rollout_percent between 0 and 100")
            @Comment("Feature flags; one row per flag and project")
            public class FeatureFlag {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @ManyToOne(optional = false) @JoinColumn(name = "project_id") @OnDelete(action = OnDeleteAction.CASCADE) private Project project;
                @Column(name = "flag_key", nullable = false, length = 100) private String flagKey;
                @Column(name = "public_id", nullable = false) @ColumnDefault("gen_random_uuid()") private UUID publicId;
                @Column(name = "rollout_percent", nullable = false) @ColumnDefault("0") private int rolloutPercent;
                @Column(nullable = false) @ColumnDefault("false") private boolean enabled;
                @JdbcTypeCode(SqlTypes.JSON) @Column(nullable = false) @ColumnDefault("'{}'") private Map<String, Object> rules;
                @Column(name = "allowed_regions") @ColumnDefault("'{}'") private String[] allowedRegions;
                @Column(name = "created_at", nullable = false, updatable = false) @ColumnDefault("now()") private OffsetDateTime createdAt;
                @Column(name = "expires_on") @Check(constraints = "expires_on > '2020-01-01'") private LocalDate expiresOn;
                @Comment("Who last changed it (free text)") @Column(name = "changed_by", length = 120) private String changedBy;
                @ManyToOne @JoinColumn(name = "owner_team_id", foreignKey = @jakarta.persistence.ForeignKey(ConstraintMode.NO_CONSTRAINT)) private Team ownerTeam;
                @ElementCollection @CollectionTable(name = "feature_flag_variant", joinColumns = @JoinColumn(name = "flag_id"),
                        indexes = @jakarta.persistence.Index(name = "ix_variant_name", columnList = "variant"))
                @OnDelete(action = OnDeleteAction.CASCADE)
                @Column(name = "variant", nullable = false, length = 40) private Set<String> variants = new HashSet<>();
                @ManyToMany @JoinTable(name = "feature_flag_team", joinColumns = @JoinColumn(name = "flag_id"),
                        inverseJoinColumns = @JoinColumn(name = "team_id"),
                        foreignKey = @jakarta.persistence.ForeignKey(name = "fk_flag_team_flag"),
                        inverseForeignKey = @jakarta.persistence.ForeignKey(name = "fk_flag_team_team"))
                private Set<Team> teams = new HashSet<>();
            }
            """;

    static final String FLAGS_TEAM = """
            @Entity
            @jakarta.persistence.Table(name = "team")
            public class Team {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
                @Column(nullable = false, length = 80) private String name;
            }
            """;

    static Spec flags() {
        return spec("feature_flags", sources("rw2.flags", FLAGS_PROJECT, FLAGS_TEAM, FLAGS_FLAG))
                .with("hibernate.auto_quote_keyword", "true");
    }

    static Stream<Spec> models() {
        return Stream.of(iam(), cms(), erp(), hibernateSpecific(), keys(), flags());
    }

    // ------------------------------------------------------------------------------------------- evolutions

    static Spec hib(String folder, String document) {
        return spec("hib", sources("rw2.hibev", HIB_TAGGABLE, folder, document, """
                public record DocumentMeta(String mimeType, long size, List<String> authors) { }
                """, """
                @Entity
                @jakarta.persistence.Table(name = "attachment")
                public class Attachment {
                    @Id @GeneratedValue private Long id;
                    @ManyToOne(optional = false) private Document document;
                    private boolean visible;
                }
                """));
    }

    static Spec blog(String... extra) {
        String[] all = new String[extra.length + 3];
        all[0] = CMS_AUTHOR.replace("@OneToMany(mappedBy = \"author\") private List<Post> posts = new ArrayList<>();", "");
        all[1] = CMS_TAG;
        all[2] = CMS_STATUS;
        System.arraycopy(extra, 0, all, 3, extra.length);
        return spec("blog", sources("rw2.blog", all));
    }

    static final String BLOG_POST = """
            @Entity
            @jakarta.persistence.Table(name = "posts")
            public class Post {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 200) private String title;
                @Column(nullable = false, unique = true, length = 200) private String slug;
                @ManyToOne(optional = false) @JoinColumn(name = "author_id") private Author author;
                @ManyToMany @JoinTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"), inverseJoinColumns = @JoinColumn(name = "tag_id")) private Set<Tag> tags;
            }
            """;

    static final String BLOG_MEMBER = """
            @Entity
            @jakarta.persistence.Table(name = "members")
            public class Member {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, unique = true, length = 60) private String handle;
            }
            """;

    static Spec erpWith(String finishedGood, String stockLevel) {
        return spec("erp_ev", sources("rw2.erpev", ERP_MEASURE, ERP_DIMENSIONS, ERP_STOCK_ITEM, """
                @Entity
                @jakarta.persistence.Table(name = "raw_material")
                public class RawMaterial extends StockItem {
                    @Column(name = "purchase_currency") private Currency purchaseCurrency;
                }
                """, finishedGood, """
                @Entity
                public class Warehouse {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                    @Column(nullable = false, unique = true, length = 20) private String code;
                }
                """, stockLevel));
    }

    static final String ERP_FINISHED_GOOD_PLAIN = """
            @Entity
            @jakarta.persistence.Table(name = "finished_good")
            public class FinishedGood extends StockItem {
                @Column(name = "model_year") private Year modelYear;
            }
            """;

    static Spec roles(String roleBody) {
        return spec("roles", sources("rw2.roles", """
                @Entity
                @jakarta.persistence.Table(name = "realm")
                public class RealmEntity {
                    @Id @Column(name = "id", length = 36) private String id;
                    @Column(name = "name", unique = true) private String name;
                }
                """, roleBody));
    }

    static final String ROLE_V1 = """
            @Entity
            @jakarta.persistence.Table(name = "keycloak_role")
            public class RoleEntity {
                @Id @Column(name = "id", length = 36) private String id;
                @Column(name = "name") private String name;
                @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "realm_id") private RealmEntity realm;
            }
            """;

    static final Spec ROLES_SET = roles(ROLE_V1.replace("private RealmEntity realm;", """
            private RealmEntity realm;
                @ElementCollection @CollectionTable(name = "role_attribute", joinColumns = @JoinColumn(name = "role_id"))
                @Column(name = "value") private Set<String> attributes = new HashSet<>();
            """));

    static final Spec ROLES_MAP = roles(ROLE_V1.replace("private RealmEntity realm;", """
            private RealmEntity realm;
                @ElementCollection @CollectionTable(name = "role_attribute", joinColumns = @JoinColumn(name = "role_id"))
                @MapKeyColumn(name = "name") @Column(name = "value") private Map<String, String> attributes = new HashMap<>();
            """));

    /**
     * Without the backfill, the Set-to-Map change is refused, and the message names the field whose
     * {@code @MapKeyColumn} adds the column (it said "The field a mapped attribute" before the fix: map key and
     * order columns of collection tables had no origin).
     */
    @Test
    void mapKeyColumnAddedWithoutBackfillIsRefusedNamingTheField() throws Exception {
        FidelityHarness.Model v1 = harness.model("rw2_mapkey_v1", ROLES_SET.sources());
        FidelityHarness.Model v2 = harness.model("rw2_mapkey_v2", ROLES_MAP.sources());
        FidelityHarness.reset(harness.genDatabase());
        HibernateSchemaExport.create(List.of(v1.classes()), v1.settings(), harness.genDatabase());
        java.nio.file.Path migrations = Files.createTempDirectory("gen-rw2-mapkey");
        GenException error = assertThrows(GenException.class, () -> Generator.generate(
                harness.config(v2, harness.genDatabase(), migrations), GenerateRequest.write("ToMap")));
        assertTrue(error.getMessage().contains("The field rw2.roles.RoleEntity.attributes adds column public.role_attribute.name"),
                error.getMessage());
        try (var files = Files.list(migrations)) {
            assertTrue(files.findAny().isEmpty(), "nothing written");
        }
    }

    static Stream<Pair> pairs() {
        return Stream.of(
                pair("on_delete_cascade_added",
                        hib(HIB_FOLDER, HIB_DOCUMENT.replace(" @OnDelete(action = OnDeleteAction.CASCADE)", "")),
                        hib(HIB_FOLDER, HIB_DOCUMENT)),
                pair("fk_target_changed",
                        blog(BLOG_MEMBER, BLOG_POST, """
                        @Entity
                        @jakarta.persistence.Table(name = "comments")
                        public class Comment {
                            @Id @GeneratedValue private Long id;
                            @ManyToOne(optional = false) @JoinColumn(name = "post_id") private Post post;
                            @ManyToOne @JoinColumn(name = "author_id") private Author author;
                            @Column(columnDefinition = "TEXT") private String content;
                        }
                        """),
                        blog(BLOG_MEMBER, BLOG_POST, """
                        @Entity
                        @jakarta.persistence.Table(name = "comments")
                        public class Comment {
                            @Id @GeneratedValue private Long id;
                            @ManyToOne(optional = false) @JoinColumn(name = "post_id") private Post post;
                            @ManyToOne @JoinColumn(name = "author_id") private Member author;
                            @Column(columnDefinition = "TEXT") private String content;
                        }
                        """)),
                pair("column_with_default_added",
                        blog(BLOG_POST),
                        blog(BLOG_POST.replace("private String slug;", """
                                private String slug;
                                    @Column(name = "view_count", nullable = false) @ColumnDefault("0") private int viewCount;
                                    @Column(name = "published_at", nullable = false) @ColumnDefault("CURRENT_TIMESTAMP") private LocalDateTime publishedAt;
                                    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) @ColumnDefault("'DRAFT'") private PostStatus status;
                                """))),
                pair("secondary_table_added",
                        erpWith(ERP_FINISHED_GOOD_PLAIN, ERP_STOCK_LEVEL.replace("private RawMaterial material", "private FinishedGood material")),
                        erpWith(ERP_FINISHED_GOOD, ERP_STOCK_LEVEL.replace("private RawMaterial material", "private FinishedGood material"))),
                pair("composite_unique_added",
                        roles(ROLE_V1),
                        roles(ROLE_V1.replace("@jakarta.persistence.Table(name = \"keycloak_role\")",
                                "@jakarta.persistence.Table(name = \"keycloak_role\", uniqueConstraints = @UniqueConstraint(name = \"uk_realm_role_name\", columnNames = { \"realm_id\", \"name\" }))"))),
                pair("numeric_precision_widened",
                        erpWith(ERP_FINISHED_GOOD_PLAIN, ERP_STOCK_LEVEL),
                        erpWith(ERP_FINISHED_GOOD_PLAIN, ERP_STOCK_LEVEL.replace("precision = 19, scale = 4", "precision = 24, scale = 6"))),
                pair("composite_role_join_table_added",
                        roles(ROLE_V1),
                        roles(ROLE_V1.replace("private RealmEntity realm;", """
                                private RealmEntity realm;
                                    @ManyToMany @JoinTable(name = "composite_role", joinColumns = @JoinColumn(name = "composite"),
                                            inverseJoinColumns = @JoinColumn(name = "child_role"))
                                    private Set<RoleEntity> compositeRoles = new HashSet<>();
                                    @ElementCollection @CollectionTable(name = "role_attribute", joinColumns = @JoinColumn(name = "role_id"))
                                    @MapKeyColumn(name = "name") @Column(name = "value") private Map<String, String> attributes = new HashMap<>();
                                """))),
                pair("array_length_widened_and_check_added",
                        hib(HIB_FOLDER, HIB_DOCUMENT),
                        hib(HIB_FOLDER, HIB_DOCUMENT.replace("@Array(length = 10)", "@Array(length = 40)")
                                .replace("@DynamicUpdate", "@DynamicUpdate @Check(name = \"ck_document_name\", constraints = \"name <> ''\")"))),
                pair("text_column_becomes_jsonb",
                        hib(HIB_FOLDER, HIB_DOCUMENT.replace("@JdbcTypeCode(SqlTypes.JSON) private DocumentMeta meta;",
                                "@Column(columnDefinition = \"TEXT\") private String meta;")),
                        hib(HIB_FOLDER, HIB_DOCUMENT)),
                pair("many_to_one_becomes_one_to_one",
                        spec("keys_m2o", sources("rw2.keysm2o", """
                        @Entity
                        public class Badge { @Id @GeneratedValue private Long id; @Column(nullable = false, length = 16) private String serial; }
                        """, """
                        @Entity
                        public class Employee { @Id @GeneratedValue private Long id; @ManyToOne @JoinColumn(name = "badge_id") private Badge badge; }
                        """)),
                        spec("keys_m2o", sources("rw2.keysm2o", """
                        @Entity
                        public class Badge { @Id @GeneratedValue private Long id; @Column(nullable = false, length = 16) private String serial; }
                        """, """
                        @Entity
                        public class Employee { @Id @GeneratedValue private Long id; @OneToOne @JoinColumn(name = "badge_id") private Badge badge; }
                        """))),
                pair("identity_to_sequence",
                        blog(BLOG_POST),
                        blog(BLOG_POST.replace("@GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;",
                                "@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"post_seq\") @SequenceGenerator(name = \"post_seq\", sequenceName = \"post_id_seq\", allocationSize = 10) private Long id;"))),
                // the new map key column is NOT NULL (part of the primary key): filled from the old element
                new Pair("collection_set_becomes_map", ROLES_SET, ROLES_MAP, true, Map.of("role_attribute.name", "value")),
                pair("subclass_added_to_table_per_class",
                        erpWith(ERP_FINISHED_GOOD_PLAIN, ERP_STOCK_LEVEL),
                        spec("erp_ev", Corpus.merge(erpWith(ERP_FINISHED_GOOD_PLAIN, ERP_STOCK_LEVEL).sources(),
                                sources("rw2.erpev", """
                                @Entity
                                @jakarta.persistence.Table(name = "spare_part")
                                public class SparePart extends StockItem {
                                    @ManyToOne @JoinColumn(name = "fits_id") private FinishedGood fits;
                                    @Column(name = "warranty") private Period warranty;
                                }
                                """)))),
                pair("flag_defaults_changed_and_fk_enforced",
                        flags(),
                        spec("feature_flags", sources("rw2.flags", FLAGS_PROJECT, FLAGS_TEAM, FLAGS_FLAG
                                .replace("@ColumnDefault(\"0\")", "@ColumnDefault(\"100\")")
                                .replace("@ColumnDefault(\"'{}'\") private Map", "@ColumnDefault(\"'{\\\"mode\\\": \\\"all\\\"}'\") private Map")
                                .replace("@ColumnDefault(\"'{}'\") private String[]", "@ColumnDefault(\"'{eu,us}'\") private String[]")
                                .replace(", foreignKey = @jakarta.persistence.ForeignKey(ConstraintMode.NO_CONSTRAINT)", "")
                                .replace(" @OnDelete(action = OnDeleteAction.CASCADE) private Project", " private Project")))
                                .with("hibernate.auto_quote_keyword", "true")),
                pair("fk_target_changed_to_uuid_key",
                        blog(BLOG_MEMBER, BLOG_POST, """
                        @Entity
                        @jakarta.persistence.Table(name = "reactions")
                        public class Reaction {
                            @Id @GeneratedValue private Long id;
                            @ManyToOne @JoinColumn(name = "who_id") private Member who;
                            @Column(length = 8) private String emoji;
                        }
                        """),
                        blog(BLOG_MEMBER, BLOG_POST, """
                        @Entity
                        @jakarta.persistence.Table(name = "visitors")
                        public class Visitor { @Id @GeneratedValue(strategy = GenerationType.UUID) private UUID id; private String fingerprint; }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(name = "reactions")
                        public class Reaction {
                            @Id @GeneratedValue private Long id;
                            @ManyToOne @JoinColumn(name = "who_id") private Visitor who;
                            @Column(length = 8) private String emoji;
                        }
                        """)),
                pair("maps_id_details_added",
                        spec("keys_ev", sources("rw2.keysev", """
                        @Entity
                        public class Employee { @Id @GeneratedValue private Long id; @Column(nullable = false) private String name; }
                        """)),
                        spec("keys_ev", sources("rw2.keysev", """
                        @Entity
                        public class Employee {
                            @Id @GeneratedValue private Long id; @Column(nullable = false) private String name;
                            @OneToOne(mappedBy = "employee", cascade = CascadeType.ALL) private EmployeeDetails details;
                        }
                        """, """
                        @Entity
                        @jakarta.persistence.Table(name = "employee_details")
                        public class EmployeeDetails {
                            @Id private Long id;
                            @OneToOne(fetch = FetchType.LAZY) @MapsId @JoinColumn(name = "employee_id") private Employee employee;
                            @Column(name = "emergency_contact") private String emergencyContact;
                        }
                        """))));
    }

    /**
     * PostgreSQL has no cast from {@code bigint} to {@code uuid}: gen used to plan
     * {@code ALTER COLUMN who_id TYPE uuid USING who_id::uuid}, which fails even on an empty table. It now drops
     * and re-adds the column, which loses its data, so without {@code --allow-destructive} it is refused.
     */
    @Test
    void uncastableTypeChangeIsADropAndAddRefusedUnlessDestructiveIsAllowed() throws Exception {
        Pair pair = pairs().filter(p -> p.name().equals("fk_target_changed_to_uuid_key")).findFirst().orElseThrow();
        FidelityHarness.Model v1 = harness.model("rw2_uuid_v1", pair.v1().sources());
        FidelityHarness.Model v2 = harness.model("rw2_uuid_v2", pair.v2().sources());
        FidelityHarness.reset(harness.genDatabase());
        HibernateSchemaExport.create(List.of(v1.classes()), v1.settings(), harness.genDatabase());
        java.nio.file.Path migrations = Files.createTempDirectory("gen-rw2-uuid");
        GenException error = assertThrows(GenException.class, () -> Generator.generate(
                harness.config(v2, harness.genDatabase(), migrations), GenerateRequest.write("ToUuid")));
        assertTrue(error.getMessage().contains("reactions.who_id"), error.getMessage());
        GenerateResult allowed = Generator.generate(harness.config(v2, harness.genDatabase(), migrations),
                GenerateRequest.check().allowingDestructive());
        String up = String.join(";\n", allowed.plan().upStatements());
        assertFalse(up.contains("::uuid"), up);
        assertTrue(up.contains("DROP COLUMN \"who_id\"") && up.contains("ADD COLUMN \"who_id\" uuid"), up);
    }

    /**
     * The column-with-default pair again, on a table that has rows: NOT NULL columns with {@code @ColumnDefault}
     * need no backfill, the migration runs, existing rows get the defaults, and the catalog equals v2's export.
     */
    @Test
    void columnsWithDefaultsAddedToPopulatedTableNeedNoBackfill() throws Exception {
        Pair pair = pairs().filter(p -> p.name().equals("column_with_default_added")).findFirst().orElseThrow();
        FidelityHarness.Model v1 = harness.model("rw2_populated_v1", pair.v1().sources());
        FidelityHarness.Model v2 = harness.model("rw2_populated_v2", pair.v2().sources());
        FidelityHarness.reset(harness.genDatabase());
        FidelityHarness.reset(harness.hibernateDatabase());
        HibernateSchemaExport.create(List.of(v1.classes()), v1.settings(), harness.genDatabase());
        harness.genDatabase().execute(
                "insert into authors (email, display_name) values ('a@example.org', 'A')",
                "insert into posts (title, slug, author_id) select 'Hello', 'hello', id from authors",
                "insert into posts (title, slug, author_id) select 'Again', 'again', id from authors");
        HibernateSchemaExport.create(List.of(v2.classes()), v2.settings(), harness.hibernateDatabase());
        GenConfig config = harness.config(v2, harness.genDatabase(), Files.createTempDirectory("gen-rw2-populated"));
        GenerateResult result = Generator.generate(config, GenerateRequest.write("AddPostColumns").at(1_800_000_000_000L));
        assertTrue(result.hasChanges(), "changes planned");
        Migrations.run(config, RunOptions.defaults());
        CatalogSnapshot.of(harness.genDatabase()).assertEquals(CatalogSnapshot.of(harness.hibernateDatabase()),
                "populated posts after the migration vs v2's export\nmigration:\n"
                        + String.join(";\n", result.plan().upStatements()));
        try (var connection = harness.genDatabase().connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from posts where view_count = 0"
                        + " and status = 'DRAFT' and published_at is not null")) {
            assertTrue(rows.next());
            assertTrue(rows.getInt(1) == 2, "both existing rows got the defaults");
        }
        harness.assertNoChanges(v2, harness.genDatabase(), "generate again after the populated migration");
        assertFalse(result.plan().upStatements().isEmpty());
    }
}
