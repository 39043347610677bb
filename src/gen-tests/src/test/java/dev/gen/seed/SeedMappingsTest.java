package dev.gen.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.core.GenConfig;
import dev.gen.core.GenerateRequest;
import dev.gen.core.Generator;
import dev.gen.core.SeedRequest;
import dev.gen.core.SeedResult;
import dev.gen.core.Seeder;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings the example does not have, seeded as the application's Hibernate would write them: JOINED inheritance,
 * a sequence with a pooled optimizer moved past explicit ids, a UUID generator, an attribute converter, an element
 * collection, byte[] from base64, a date, and a natural id that a second run matches by.
 */
class SeedMappingsTest {

    @TempDir
    Path work;

    private static final Map<String, String> SOURCES = Map.of(
            "zoo/Animal.java", """
                    package zoo;
                    import jakarta.persistence.*;
                    @Entity @Inheritance(strategy = InheritanceType.JOINED)
                    public class Animal {
                        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "animal_seq")
                        @SequenceGenerator(name = "animal_seq", sequenceName = "animal_seq", allocationSize = 50)
                        Long id;
                        @Column(nullable = false) String name;
                        @Convert(converter = ColorConverter.class) Color color;
                        byte[] photo;
                        java.time.LocalDate born;
                    }
                    """,
            "zoo/Dog.java", """
                    package zoo;
                    import jakarta.persistence.*;
                    @Entity
                    public class Dog extends Animal {
                        String breed;
                        @ElementCollection java.util.List<String> tricks = new java.util.ArrayList<>();
                    }
                    """,
            "zoo/Color.java", """
                    package zoo;
                    public enum Color { BLACK, WHITE }
                    """,
            "zoo/ColorConverter.java", """
                    package zoo;
                    import jakarta.persistence.*;
                    @Converter
                    public class ColorConverter implements AttributeConverter<Color, String> {
                        public String convertToDatabaseColumn(Color c) { return c == null ? null : c.name().substring(0, 1).toLowerCase(); }
                        public Color convertToEntityAttribute(String s) { return s == null ? null : s.equals("b") ? Color.BLACK : Color.WHITE; }
                    }
                    """,
            "zoo/Keeper.java", """
                    package zoo;
                    import jakarta.persistence.*;
                    @Entity
                    public class Keeper {
                        @Id @GeneratedValue(strategy = GenerationType.UUID) java.util.UUID id;
                        @org.hibernate.annotations.NaturalId String badge;
                        @ManyToOne Animal favourite;
                    }
                    """);

    @Test
    void joinedSequenceUuidConverterCollectionAndNaturalId() throws Exception {
        Path classes = EntityCompiler.compile(work.resolve("classes"), SOURCES);
        Path dir = work.resolve("migrations");
        Files.createDirectories(dir);
        Path file = work.resolve("seed.json");
        Files.writeString(file, """
                {
                  "Dog": [
                    { "@id": "rex", "id": 1000, "name": "Rex", "color": "BLACK", "breed": "Collie",
                      "photo": "AAEC/w==", "born": "2020-02-29", "tricks": ["sit", "roll"] },
                    { "@id": "fido", "name": "Fido", "color": "WHITE" }
                  ],
                  "Animal": [ { "name": "Generic" } ],
                  "Keeper": [ { "badge": "K-1", "favourite": { "@ref": "rex" } } ]
                }
                """);
        try (TestDatabase db = TestDatabase.create("seed_mappings")) {
            GenConfig config = new GenConfig(db.jdbcUrl(), db.user(), db.password(), List.of("public"),
                    List.of(classes), List.of(), dir, null, "gen_migrations", List.of(), Map.of(), false, "5s");
            Generator.generate(config, GenerateRequest.write("Zoo").at(1795251600000L));

            SeedResult result = Seeder.seed(config, SeedRequest.of(file));
            assertEquals(4, result.seeded().insertedCount(), result.seeded().inserted().toString());

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                ResultSet rex = s.executeQuery("SELECT a.name, a.color, a.photo, a.born, d.breed FROM animal a"
                        + " JOIN dog d ON d.id = a.id WHERE a.id = 1000");
                assertTrue(rex.next(), "Rex keeps its explicit id, in both joined tables");
                assertEquals("b", rex.getString(2), "the converter wrote the column");
                assertEquals(List.of((byte) 0, (byte) 1, (byte) 2, (byte) -1), bytes(rex.getBytes(3)));
                assertEquals("2020-02-29", rex.getString(4));
                assertEquals("Collie", rex.getString(5));
                ResultSet tricks = s.executeQuery("SELECT count(*) FROM dog_tricks WHERE dog_id = 1000");
                tricks.next();
                assertEquals(2, tricks.getInt(1));
                ResultSet generated = s.executeQuery("SELECT min(id), max(id) FROM animal WHERE id <> 1000");
                generated.next();
                assertTrue(generated.getLong(1) > 1000, "generated ids start past the explicit one: "
                        + generated.getLong(1));
                ResultSet keeper = s.executeQuery("SELECT id, favourite_id FROM keeper");
                keeper.next();
                assertNotNull(keeper.getObject(1), "the UUID generator gave the keeper an id");
                assertEquals(1000, keeper.getLong(2));
                ResultSet plain = s.executeQuery("SELECT count(*) FROM animal a WHERE NOT EXISTS"
                        + " (SELECT 1 FROM dog d WHERE d.id = a.id)");
                plain.next();
                assertEquals(1, plain.getInt(1), "the Animal has no dog row");
            }

            // The application's Hibernate, with its own pooled optimizer, inserts past every seeded id.
            ClassLoader[] loader = new ClassLoader[1];
            try (SessionFactory app = SeedFixture.application(db, classes, loader)) {
                Class<?> dog = loader[0].loadClass("zoo.Dog");
                app.inTransaction(session -> {
                    for (int i = 0; i < 120; i++) {
                        Object d = SeedExampleTest.newInstance(dog);
                        setField(d, "name", "Pup " + i);
                        session.persist(d);
                    }
                });
                app.inTransaction(session -> assertEquals(123L, session.createSelectionQuery(
                        "select count(a) from Animal a", Long.class).getSingleResult()));
            }

            // Matched by the natural id (the keeper) and the explicit id (Rex); the other animals cannot be told
            // from the application's rows, so a second run of this file stops instead of duplicating them.
            dev.gen.core.GenException again = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.gen.core.GenException.class, () -> Seeder.seed(config, SeedRequest.of(file)));
            assertTrue(again.getMessage().contains("Dog at $.Dog[1]"), again.getMessage());
            assertTrue(!again.getMessage().contains("Dog at $.Dog[0]") && !again.getMessage().contains("Keeper"),
                    again.getMessage());
        }
    }

    private static List<Byte> bytes(byte[] value) {
        List<Byte> list = new java.util.ArrayList<>();
        for (byte b : value) {
            list.add(b);
        }
        return list;
    }

    private static void setField(Object target, String name, Object value) {
        try {
            java.lang.reflect.Field field = target.getClass().getSuperclass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
