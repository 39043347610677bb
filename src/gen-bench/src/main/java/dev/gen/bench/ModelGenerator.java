package dev.gen.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A synthetic entity model of N entities, the same for the same (N, seed): Java sources in package
 * {@code bench.model}, compiled to a classes directory, plus a {@code bench/hibernate.cfg.xml} listing the
 * classes for Liquibase's Hibernate extension.
 *
 * <p>Variety: 8 to 12 columns of mixed types (strings of several lengths, integers, decimals, booleans,
 * dates and timestamps, UUIDs, a STRING enum, doubles), identity and sequence keys alternating, one or two
 * many-to-one links to earlier entities, a many-to-many join table on every tenth entity, an index on most
 * entities and a two-column unique constraint on every third, embeddables (an address and an amount with its
 * currency), {@code @Version} on every other entity, and two small hierarchies: one SINGLE_TABLE
 * ({@code Party}, {@code Person}, {@code Company}) and one JOINED ({@code Asset}, {@code Vehicle},
 * {@code Building}). The six hierarchy classes count towards N.
 */
public final class ModelGenerator {

    static final String PACKAGE = "bench.model";

    private ModelGenerator() {
    }

    /** Writes the sources under {@code sources} and returns the fully-qualified entity class names. */
    public static List<String> writeSources(int n, long seed, Path sources) throws IOException {
        Map<String, String> files = sources(n, seed);
        Path dir = sources.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        List<String> entities = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey() + ".java"), file.getValue());
            if (file.getValue().contains("@Entity")) {
                entities.add(PACKAGE + "." + file.getKey());
            }
        }
        return entities;
    }

    /** Writes, compiles into {@code classes} with the given classpath (Jakarta Persistence), and writes the cfg. */
    public static List<String> generate(int n, long seed, Path sources, Path classes, String classpath)
            throws IOException {
        List<String> entities = writeSources(n, seed, sources);
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-nowarn", "-proc:none", "-d", classes.toString(),
                "-cp", classpath, "--release", "17"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int code = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the synthetic model does not compile:\n" + errors);
        }
        StringBuilder cfg = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE hibernate-configuration PUBLIC "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
                        "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
                <hibernate-configuration>
                  <session-factory>
                    <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
                """);
        for (String entity : entities) {
            cfg.append("    <mapping class=\"").append(entity).append("\"/>\n");
        }
        cfg.append("  </session-factory>\n</hibernate-configuration>\n");
        Files.createDirectories(classes.resolve("bench"));
        Files.writeString(classes.resolve("bench/hibernate.cfg.xml"), cfg);
        return entities;
    }

    /** Class simple name to source text, in a stable order. */
    static Map<String, String> sources(int n, long seed) {
        if (n < 7) {
            throw new IllegalArgumentException("at least 7 entities (6 go to the two hierarchies)");
        }
        Random random = new Random(seed);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Status", "package " + PACKAGE + ";\n\npublic enum Status { DRAFT, ACTIVE, SUSPENDED, CLOSED }\n");
        files.put("Address", """
                package %s;

                import jakarta.persistence.Column;
                import jakarta.persistence.Embeddable;

                @Embeddable
                public class Address {
                    @Column(length = 120) private String street;
                    @Column(length = 80) private String city;
                    @Column(length = 12) private String zip;
                }
                """.formatted(PACKAGE));
        files.put("Amount", """
                package %s;

                import jakarta.persistence.Column;
                import jakarta.persistence.Embeddable;
                import java.math.BigDecimal;

                @Embeddable
                public class Amount {
                    @Column(precision = 19, scale = 4) private BigDecimal value;
                    @Column(length = 3) private String currency;
                }
                """.formatted(PACKAGE));
        hierarchies(files);
        int regular = n - 6;
        for (int i = 1; i <= regular; i++) {
            files.put(name(i), entity(i, random));
        }
        return files;
    }

    static String name(int i) {
        return "E%04d".formatted(i);
    }

    private static String entity(int i, Random random) {
        String name = name(i);
        String table = name.toLowerCase();
        StringBuilder body = new StringBuilder();
        boolean identity = i % 2 == 0;
        if (identity) {
            body.append("    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)\n    private Long id;\n\n");
        } else {
            body.append("    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"").append(table)
                    .append("_gen\")\n    @SequenceGenerator(name = \"").append(table).append("_gen\", sequenceName = \"")
                    .append(table).append("_seq\", allocationSize = 50)\n    private Long id;\n\n");
        }
        int columns = 8 + random.nextInt(5);
        List<String> columnNames = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            String column = "c" + c;
            columnNames.add(column);
            body.append(column(column, random)).append('\n');
        }
        if (i % 2 == 1) {
            body.append("    @Version\n    private int version;\n\n");
        }
        if (i % 5 == 0) {
            body.append("    @Embedded\n    private Address address;\n\n");
        }
        if (i % 7 == 0) {
            body.append("    @Embedded\n    private Amount total;\n\n");
        }
        if (i > 1) {
            int links = i > 3 && random.nextBoolean() ? 2 : 1;
            for (int l = 1; l <= links; l++) {
                int target = 1 + random.nextInt(i - 1);
                boolean optional = random.nextInt(3) != 0;
                body.append("    @ManyToOne(fetch = FetchType.LAZY, optional = ").append(optional).append(")\n")
                        .append("    @JoinColumn(name = \"link").append(l).append("_id\"")
                        .append(optional ? "" : ", nullable = false").append(")\n")
                        .append("    private ").append(name(target)).append(" link").append(l).append(";\n\n");
            }
        }
        if (i % 10 == 0 && i > 1) {
            int target = 1 + random.nextInt(i - 1);
            body.append("    @ManyToMany\n    @JoinTable(name = \"").append(table).append("_tags\",\n")
                    .append("            joinColumns = @JoinColumn(name = \"owner_id\"),\n")
                    .append("            inverseJoinColumns = @JoinColumn(name = \"tag_id\"))\n")
                    .append("    private Set<").append(name(target)).append("> tags = new HashSet<>();\n\n");
        }
        List<String> tableArgs = new ArrayList<>();
        tableArgs.add("name = \"" + table + "\"");
        if (i % 4 != 0) {
            String a = columnNames.get(random.nextInt(columnNames.size()));
            String b = columnNames.get(random.nextInt(columnNames.size()));
            String list = a.equals(b) ? a : a + ", " + b;
            tableArgs.add("indexes = @Index(name = \"" + table + "_idx\", columnList = \"" + list + "\")");
        }
        if (i % 3 == 0) {
            tableArgs.add("uniqueConstraints = @UniqueConstraint(name = \"" + table + "_uk\", columnNames = {\""
                    + columnNames.get(0) + "\", \"" + columnNames.get(1) + "\"})");
        }
        return """
                package %s;

                import jakarta.persistence.*;
                import java.math.BigDecimal;
                import java.time.Instant;
                import java.time.LocalDate;
                import java.time.LocalDateTime;
                import java.util.HashSet;
                import java.util.Set;
                import java.util.UUID;

                @Entity
                @Table(%s)
                public class %s {
                %s}
                """.formatted(PACKAGE, String.join(",\n        ", tableArgs), name, body);
    }

    private static String column(String column, Random random) {
        boolean notNull = random.nextInt(3) == 0;
        String nullable = notNull ? ", nullable = false" : "";
        return switch (random.nextInt(11)) {
            case 0 -> "    @Column(name = \"%s\", length = %d%s)\n    private String %s;\n"
                    .formatted(column, new int[] {20, 50, 100, 255, 1000}[random.nextInt(5)], nullable, column);
            case 1 -> "    @Column(name = \"%s\"%s)\n    private String %s;\n".formatted(column, nullable, column);
            case 2 -> "    @Column(name = \"%s\"%s)\n    private Integer %s;\n".formatted(column, nullable, column);
            case 3 -> "    @Column(name = \"%s\"%s)\n    private Long %s;\n".formatted(column, nullable, column);
            case 4 -> "    @Column(name = \"%s\", precision = %d, scale = 2%s)\n    private BigDecimal %s;\n"
                    .formatted(column, 10 + random.nextInt(9), nullable, column);
            case 5 -> "    @Column(name = \"%s\")\n    private boolean %s;\n".formatted(column, column);
            case 6 -> "    @Column(name = \"%s\"%s)\n    private LocalDate %s;\n".formatted(column, nullable, column);
            case 7 -> "    @Column(name = \"%s\"%s)\n    private LocalDateTime %s;\n".formatted(column, nullable, column);
            case 8 -> "    @Column(name = \"%s\"%s)\n    private Instant %s;\n".formatted(column, nullable, column);
            case 9 -> "    @Enumerated(EnumType.STRING)\n    @Column(name = \"%s\", length = 16%s)\n    private Status %s;\n"
                    .formatted(column, nullable, column);
            default -> random.nextBoolean()
                    ? "    @Column(name = \"%s\"%s)\n    private UUID %s;\n".formatted(column, nullable, column)
                    : "    @Column(name = \"%s\"%s)\n    private Double %s;\n".formatted(column, nullable, column);
        };
    }

    private static void hierarchies(Map<String, String> files) {
        String imports = "package " + PACKAGE + ";\n\nimport jakarta.persistence.*;\nimport java.time.LocalDate;\n\n";
        files.put("Party", imports + """
                @Entity
                @Table(name = "party")
                @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                @DiscriminatorColumn(name = "kind", length = 16)
                public abstract class Party {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;
                    @Column(nullable = false, length = 200) private String displayName;
                    @Version private long version;
                    @Embedded private Address address;
                }
                """);
        files.put("Person", imports + """
                @Entity
                @DiscriminatorValue("person")
                public class Person extends Party {
                    @Column(length = 100) private String firstName;
                    private LocalDate birthDate;
                }
                """);
        files.put("Company", imports + """
                @Entity
                @DiscriminatorValue("company")
                public class Company extends Party {
                    @Column(length = 20) private String registration;
                    private Integer employees;
                }
                """);
        files.put("Asset", imports + """
                @Entity
                @Table(name = "asset")
                @Inheritance(strategy = InheritanceType.JOINED)
                public class Asset {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asset_gen")
                    @SequenceGenerator(name = "asset_gen", sequenceName = "asset_seq", allocationSize = 50)
                    private Long id;
                    @Column(nullable = false, length = 64) private String tag;
                    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "owner_id") private Party owner;
                    @Version private int version;
                }
                """);
        files.put("Vehicle", imports + """
                @Entity
                @Table(name = "vehicle")
                public class Vehicle extends Asset {
                    @Column(length = 17, unique = true) private String vin;
                    private int seats;
                }
                """);
        files.put("Building", imports + """
                @Entity
                @Table(name = "building")
                public class Building extends Asset {
                    @Embedded private Address address;
                    private Integer floors;
                }
                """);
    }

    /** {@code java dev.gen.bench.ModelGenerator <n> <seed> <sourcesDir>}: sources only. */
    public static void main(String[] args) throws IOException {
        List<String> entities = writeSources(Integer.parseInt(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
        System.out.println(entities.size() + " entities written to " + args[2]);
    }

    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
