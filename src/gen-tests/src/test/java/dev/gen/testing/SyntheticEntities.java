package dev.gen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model of N entities for tests that need size, with what makes the generator work per table: a sequence, a
 * STRING enum (a check constraint), a column default, an index, a unique key and a foreign key to the previous
 * entity. The same N gives the same classes.
 */
public final class SyntheticEntities {

    public static final String PACKAGE = "synthetic.model";

    private SyntheticEntities() {
    }

    /** Writes and compiles the N entities under {@code work}; returns the class directory. */
    public static Path compile(Path work, int n) {
        Path sources = work.resolve("sources-" + n);
        Path dir = sources.resolve(PACKAGE.replace('.', '/'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Status.java"),
                    "package " + PACKAGE + ";\n\npublic enum Status { NEW, PAID, SHIPPED }\n");
            for (int i = 1; i <= n; i++) {
                Files.writeString(dir.resolve(name(i) + ".java"), source(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EntityCompiler.compileTree(work.resolve("classes-" + n), sources);
    }

    private static String name(int i) {
        return String.format("Entity%04d", i);
    }

    private static String source(int i) {
        String previous = i == 1 ? "" : """
                    @ManyToOne
                    private %s previous;
                """.formatted(name(i - 1));
        return """
                package %1$s;

                import jakarta.persistence.*;
                import java.math.BigDecimal;
                import java.time.Instant;
                import org.hibernate.annotations.ColumnDefault;

                @Entity
                @Table(name = "entity_%2$04d", indexes = @Index(columnList = "name"),
                        uniqueConstraints = @UniqueConstraint(columnNames = {"code", "status"}))
                public class %3$s {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE)
                    private Long id;
                    @Column(nullable = false, length = 100)
                    private String name;
                    @Column(length = 20)
                    private String code;
                    @Enumerated(EnumType.STRING)
                    private Status status;
                    @Column(precision = 12, scale = 2)
                    private BigDecimal amount;
                    @ColumnDefault("0")
                    private Integer quantity;
                    private Instant createdAt;
                %4$s}
                """.formatted(PACKAGE, i, name(i), previous);
    }
}
