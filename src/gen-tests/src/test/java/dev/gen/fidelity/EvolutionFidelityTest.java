package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.pair;
import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;

import dev.gen.fidelity.Corpus.Pair;
import dev.gen.fidelity.Corpus.Spec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Evolution pairs: the database Hibernate exports from v1, gen's migration to v2, and the catalog must equal
 * v2's export; generating again finds nothing; reverting gives back v1's export.
 */
class EvolutionFidelityTest extends FidelitySuite implements FidelitySuite.Evolutions {

    EvolutionFidelityTest() {
        super("evolve");
    }

    static Spec product(String... classes) {
        return spec("product", sources("e.shop", classes));
    }

    static String entity(String fields) {
        return "@Entity\npublic class Product {\n    @Id Long id;\n" + fields + "\n}\n";
    }

    static final String CATEGORY = "@Entity\npublic class Category { @Id Long id; String title; }\n";
    static final String SUPPLIER = "@Entity\npublic class Supplier { @Id Long id; String name; }\n";

    static Stream<Pair> pairs() {
        return Stream.of(
                pair("entity_added", product(entity("String name;")), product(entity("String name;"), CATEGORY)),
                pair("entity_removed", product(entity("String name;"), CATEGORY), product(entity("String name;"))),
                new Pair("field_added", product(entity("String name;")),
                        product(entity("String name; Integer stock; int qty; @Column(length = 20) String sku;")), true,
                        Map.of("product.qty", "0")),
                pair("field_removed", product(entity("String name; Integer stock; int qty;")), product(entity("String name;"))),
                pair("type_widened", product(entity("Integer count; float ratio; short level;")),
                        product(entity("Long count; double ratio; int level;"))),
                pair("type_narrowed", product(entity("Long count; double ratio; int level;")),
                        product(entity("Integer count; float ratio; short level;"))),
                pair("length_precision_scale", product(entity(
                        "@Column(length = 50) String name; @Column(precision = 10, scale = 2) java.math.BigDecimal price;")),
                        product(entity("@Column(length = 100) String name; @Column(precision = 12, scale = 4) java.math.BigDecimal price;"))),
                pair("length_shortened", product(entity("@Column(length = 100) String name;")),
                        product(entity("@Column(length = 40) String name;"))),
                pair("nullability_both_ways", product(entity("String name; @Column(nullable = false) String code;")),
                        product(entity("@Column(nullable = false) String name; String code;"))),
                pair("defaults", product(entity(
                        "Integer a; @ColumnDefault(\"1\") Integer b; @ColumnDefault(\"'x'\") String c;")),
                        product(entity("@ColumnDefault(\"5\") Integer a; @ColumnDefault(\"2\") Integer b; String c;"))),
                pair("unique_index_fk", product(
                        "@Entity\n@jakarta.persistence.Table(indexes = @jakarta.persistence.Index(name = \"ix_product_name\", columnList = \"name\"))\n"
                                + "public class Product { @Id Long id; String name; String sku; String email; @ManyToOne Supplier supplier; @ManyToOne Category category; }\n",
                        SUPPLIER, CATEGORY),
                        product("@Entity\n@jakarta.persistence.Table(indexes = @jakarta.persistence.Index(name = \"ix_product_name\", columnList = \"name, sku\"),"
                                + " uniqueConstraints = @UniqueConstraint(columnNames = { \"name\", \"sku\" }))\n"
                                + "public class Product { @Id Long id; String name; String sku; @Column(unique = true) String email;"
                                + " @ManyToOne @JoinColumn(name = \"maker_id\") Supplier supplier; @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) Category category; }\n",
                                SUPPLIER, CATEGORY)),
                pair("unique_removed", product(entity("@Column(unique = true) String email; @NaturalId String code;")),
                        product(entity("String email; String code;"))),
                pair("enum_value_added",
                        product("public enum Level { LOW, HIGH }\n", "public enum Mood { CALM, ANGRY }\n", entity(
                                "@Enumerated(EnumType.ORDINAL) Level ord; @Enumerated(EnumType.STRING) Level text;"
                                        + " @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;")),
                        product("public enum Level { LOW, HIGH, CRITICAL }\n", "public enum Mood { CALM, ANGRY, BORED }\n", entity(
                                "@Enumerated(EnumType.ORDINAL) Level ord; @Enumerated(EnumType.STRING) Level text;"
                                        + " @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;"))),
                pair("sequence_increment",
                        product(entity("").replace("@Id Long id;", "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\")"
                                + " @SequenceGenerator(name = \"g\", sequenceName = \"product_ids\", allocationSize = 10) Long id;")),
                        product(entity("").replace("@Id Long id;", "@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"g\")"
                                + " @SequenceGenerator(name = \"g\", sequenceName = \"product_ids\", allocationSize = 25) Long id;"))),
                pair("embeddable_gained_field",
                        product("@Embeddable\npublic class Size { Integer width; Integer height; }\n", entity("@Embedded Size size;")),
                        product("@Embeddable\npublic class Size { Integer width; Integer height; Integer depth; }\n", entity("@Embedded Size size;"))),
                pair("collection_and_join_table_added", product(entity("String name;"), CATEGORY),
                        product(entity("String name; @ElementCollection Set<String> aliases; @ManyToMany Set<Category> categories;"), CATEGORY)),
                pair("inheritance_strategy_changed",
                        product("@Entity\n@Inheritance(strategy = InheritanceType.SINGLE_TABLE)\npublic class Product { @Id Long id; String name; }\n",
                                "@Entity\npublic class Book extends Product { String isbn; }\n"),
                        product("@Entity\n@Inheritance(strategy = InheritanceType.JOINED)\npublic class Product { @Id Long id; String name; }\n",
                                "@Entity\npublic class Book extends Product { String isbn; }\n")),
                pair("moved_to_another_schema",
                        product("@Entity\n@jakarta.persistence.Table(schema = \"a\")\npublic class Product { @Id Long id; String name; }\n")
                                .schemas("public", "a", "b"),
                        product("@Entity\n@jakarta.persistence.Table(schema = \"b\")\npublic class Product { @Id Long id; String name; }\n")
                                .schemas("public", "a", "b")));
    }

    static List<String> names() {
        return pairs().map(Pair::name).toList();
    }
}
