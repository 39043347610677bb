package dev.gen.fidelity;

import static dev.gen.fidelity.Corpus.sources;
import static dev.gen.fidelity.Corpus.spec;

import dev.gen.fidelity.Corpus.Spec;
import java.util.stream.Stream;

/** Basic types, enums, converters and column attributes: gen's migration equals Hibernate's export. */
class BasicTypesFidelityTest extends FidelitySuite implements FidelitySuite.RoundTrips {

    BasicTypesFidelityTest() {
        super("basic");
    }

    static Stream<Spec> models() {
        return Stream.of(
                spec("scalars", sources("m.scalars", """
                        @Entity
                        public class Scalars {
                            @Id Long id;
                            String plain;
                            @Column(length = 40) String shortText;
                            char c1;
                            Character c2;
                            byte b1;
                            Byte b2;
                            short s1;
                            Short s2;
                            int i1;
                            Integer i2;
                            long l1;
                            Long l2;
                            @Column(precision = 12, scale = 3) BigDecimal amount;
                            BigDecimal plainDecimal;
                            @Column(precision = 30) BigInteger big;
                            BigInteger plainBig;
                            float f1;
                            Float f2;
                            double d1;
                            Double d2;
                            boolean flag;
                            Boolean flag2;
                            byte[] bytes;
                            @Column(length = 16) byte[] shortBytes;
                            @Lob String text;
                            @Lob byte[] blob;
                            UUID uuid;
                        }
                        """)),
                spec("temporal", sources("m.temporal", """
                        @Entity
                        public class Moments {
                            @Id Long id;
                            LocalDate day;
                            LocalTime time;
                            LocalDateTime localStamp;
                            OffsetDateTime offsetStamp;
                            ZonedDateTime zonedStamp;
                            Instant instant;
                            Duration duration;
                            Year year;
                            Currency currency;
                            Locale locale;
                            java.net.URL url;
                            TimeZone zone;
                            ZoneOffset zoneOffset;
                            @Column(precision = 3) LocalDateTime millis;
                        }
                        """)),
                spec("json_arrays", sources("m.json", """
                        @Entity
                        public class Document {
                            @Id Long id;
                            @JdbcTypeCode(SqlTypes.JSON) String body;
                            @JdbcTypeCode(SqlTypes.JSON) @Column(nullable = false) String meta;
                            String[] tags;
                            int[] scores;
                            Long[] refs;
                            @JdbcTypeCode(SqlTypes.ARRAY) List<String> labels;
                        }
                        """)),
                spec("enums", sources("m.enums", """
                        public enum Status { NEW, ACTIVE, CLOSED }
                        """, """
                        public enum Mood { HAPPY, SAD, O_K }
                        """, """
                        @Entity
                        public class Ticket {
                            @Id Long id;
                            @Enumerated(EnumType.ORDINAL) Status ordinal;
                            @Enumerated(EnumType.STRING) Status text;
                            @Enumerated(EnumType.STRING) @Column(length = 20, nullable = false) Status shortText;
                            Status implicit;
                            @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;
                            @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood otherMood;
                        }
                        """)),
                spec("converters", sources("m.conv", """
                        public record Money(long cents) { }
                        """, """
                        @Converter(autoApply = true)
                        public class MoneyConverter implements AttributeConverter<Money, String> {
                            public String convertToDatabaseColumn(Money m) { return m == null ? null : Long.toString(m.cents()); }
                            public Money convertToEntityAttribute(String s) { return s == null ? null : new Money(Long.parseLong(s)); }
                        }
                        """, """
                        @Converter
                        public class CsvConverter implements AttributeConverter<List<String>, String> {
                            public String convertToDatabaseColumn(List<String> l) { return l == null ? null : String.join(",", l); }
                            public List<String> convertToEntityAttribute(String s) { return s == null ? null : List.of(s.split(",")); }
                        }
                        """, """
                        @Entity
                        public class Invoice {
                            @Id Long id;
                            Money total;
                            @Column(length = 30) Money fee;
                            @Convert(converter = CsvConverter.class) List<String> lines;
                            @Convert(converter = org.hibernate.type.YesNoConverter.class) boolean paid;
                            @Convert(converter = org.hibernate.type.TrueFalseConverter.class) Boolean sent;
                            @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) boolean archived;
                        }
                        """)),
                spec("column_attributes", sources("m.cols", """
                        @Entity
                        @Check(name = "positive_qty", constraints = "qty >= 0")
                        @Comment("Stock items")
                        @jakarta.persistence.Table(check = @CheckConstraint(name = "price_below_max", constraint = "price < 100000"))
                        public class Item {
                            @Id Long id;
                            @Column(length = 10, nullable = false, unique = true) String code;
                            @Column(precision = 10, scale = 2) BigDecimal price;
                            @Column(columnDefinition = "text") String notes;
                            @Column(columnDefinition = "varchar(12) default 'x' not null") String flavour;
                            @ColumnDefault("'new'") String state;
                            @ColumnDefault("0") int qty;
                            @ColumnDefault("current_timestamp") LocalDateTime createdAt;
                            @ColumnDefault("true") Boolean visible;
                            @ColumnDefault("1.5") @Column(precision = 5, scale = 2) BigDecimal factor;
                            @Check(constraints = "weight > 0") Integer weight;
                            @Column(check = @CheckConstraint(name = "ck_height", constraint = "height < 1000")) Integer height;
                            @Comment("Shown to customers") String label;
                            @Formula("qty * 2") int doubled;
                            @Transient String scratch;
                        }
                        """)));
    }
}
