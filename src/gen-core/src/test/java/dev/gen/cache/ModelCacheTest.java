package dev.gen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.ColumnRef;
import dev.gen.model.ColumnType;
import dev.gen.model.EnumType;
import dev.gen.model.ForeignKey;
import dev.gen.model.Identity;
import dev.gen.model.Index;
import dev.gen.model.IndexKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import dev.gen.model.Origin;
import dev.gen.hibernate.TargetModel;
import dev.gen.hibernate.TargetSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desired-schema cache: found only by its exact key, and never trusted when damaged. */
class ModelCacheTest {

    @TempDir
    Path temp;

    private Path classes;
    private Path jar;
    private ModelCache cache;
    private final TargetSettings settings = new TargetSettings("public", Map.of("hibernate.id.db_structure_naming_strategy", "legacy"));

    @BeforeEach
    void setUp() throws IOException {
        classes = Files.createDirectories(temp.resolve("classes/com/example"));
        Files.write(classes.resolve("User.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        Files.write(classes.resolve("Order.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 4, 5, 6});
        Files.writeString(temp.resolve("classes/orm.xml"), "<entity-mappings/>");
        classes = temp.resolve("classes");
        jar = temp.resolve("lib.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4});
        cache = ModelCache.in(temp.resolve(".gen-cache"));
    }

    private ModelCache.Key key() {
        return key(settings);
    }

    private ModelCache.Key key(TargetSettings with) {
        return cache.key(List.of(classes, jar), List.of(), with).orElseThrow();
    }

    @Test
    void aStoredModelIsFoundByTheSameKeyAndComesBackEqual() {
        TargetModel model = sampleModel();
        cache.store(key(), model);
        Optional<TargetModel> loaded = cache.load(key());
        assertTrue(loaded.isPresent());
        assertEquals(model, loaded.get());
        assertEquals(model.schema(), loaded.get().schema());
    }

    @Test
    void aChangedClassFileMisses() throws IOException {
        cache.store(key(), sampleModel());
        ModelCache.Key before = key();
        Files.write(classes.resolve("com/example/User.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 4});
        assertNotEquals(before, key());
        assertTrue(cache.load(key()).isEmpty());
    }

    @Test
    void anAddedRemovedOrRenamedFileMisses() throws IOException {
        ModelCache.Key original = key();
        Files.write(classes.resolve("com/example/Extra.class"), new byte[] {1});
        ModelCache.Key added = key();
        assertNotEquals(original, added);
        Files.delete(classes.resolve("com/example/Extra.class"));
        assertEquals(original, key());
        Files.move(classes.resolve("com/example/Order.class"), classes.resolve("com/example/Order2.class"));
        assertNotEquals(original, key());
    }

    @Test
    void aChangedJarOrClasspathMisses() throws IOException {
        ModelCache.Key original = key();
        Files.write(jar, new byte[] {'P', 'K', 3, 5});
        assertNotEquals(original, key());
        assertNotEquals(original, cache.key(List.of(classes), List.of(), settings).orElseThrow());
        assertNotEquals(original, cache.key(List.of(jar, classes), List.of(), settings).orElseThrow());
    }

    @Test
    void changedSettingsMiss() {
        cache.store(key(), sampleModel());
        assertTrue(cache.load(key(new TargetSettings("public", Map.of()))).isEmpty());
        assertTrue(cache.load(key(new TargetSettings("app", settings.hibernateProperties()))).isEmpty());
        assertTrue(cache.load(key(new TargetSettings("public",
                Map.of("hibernate.id.db_structure_naming_strategy", "standard")))).isEmpty());
        assertTrue(cache.load(cache.key(List.of(classes, jar), List.of("com.example"), settings).orElseThrow()).isEmpty());
        assertTrue(cache.load(key()).isPresent());
    }

    @Test
    void aDisabledCacheNeitherKeysNorStores() throws IOException {
        ModelCache disabled = ModelCache.disabled();
        assertFalse(disabled.enabled());
        assertTrue(disabled.key(List.of(classes), List.of(), settings).isEmpty());
        disabled.store(key(), sampleModel());
        assertTrue(disabled.load(key()).isEmpty());
        // (the enabled cache's key() above keeps its file index there, but no entry may appear)
        try (Stream<Path> written = Files.exists(temp.resolve(".gen-cache"))
                ? Files.list(temp.resolve(".gen-cache")) : Stream.empty()) {
            assertFalse(written.anyMatch(p -> p.getFileName().toString().startsWith("target-")), "nothing stored");
        }
    }

    @Test
    void aMissingClasspathEntryHasNoKey() {
        assertTrue(cache.key(List.of(temp.resolve("absent")), List.of(), settings).isEmpty());
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnored() throws IOException {
        cache.store(key(), sampleModel());
        Path file = entry();
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x20; // a letter's case inside the payload: the checksum catches it
        Files.write(file, flipped);
        assertTrue(cache.load(key()).isEmpty());

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 10));
        assertTrue(cache.load(key()).isEmpty());

        Files.write(file, new byte[0]);
        assertTrue(cache.load(key()).isEmpty());

        Files.writeString(file, "not a cache entry at all");
        assertTrue(cache.load(key()).isEmpty());

        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        Files.write(file, longer);
        assertTrue(cache.load(key()).isEmpty());

        Files.write(file, good);
        assertTrue(cache.load(key()).isPresent(), "the intact entry is read again");

        // a corrupt entry is simply replaced by the next store
        Files.write(file, flipped);
        cache.store(key(), sampleModel());
        assertEquals(sampleModel(), cache.load(key()).orElseThrow());
    }

    @Test
    void anEntryCopiedUnderAnotherKeyIsNotTrusted() throws IOException {
        cache.store(key(), sampleModel());
        ModelCache.Key other = key(new TargetSettings("other", Map.of()));
        Files.copy(entry(), cache.file(other));
        assertTrue(cache.load(other).isEmpty());
    }

    private Path entry() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve(".gen-cache"))) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(".bin")).toList();
            assertEquals(1, entries.size());
            return entries.get(0);
        }
    }

    /** Every field of every record, with nulls where they are allowed and text beyond 64 KB. */
    static TargetModel sampleModel() {
        QualifiedName users = QualifiedName.of("public", "app_user");
        QualifiedName orders = QualifiedName.of("sales", "Order");
        Table userTable = new Table(users,
                List.of(new Column("id", ColumnType.of("bigint"), false, null, Identity.BY_DEFAULT, null),
                        new Column("name", ColumnType.of("character varying(255)"), true, "'x'::character varying", null,
                                "the name, ünïcødé"),
                        new Column("big", ColumnType.of("text"), true, "'" + "y".repeat(70_000) + "'", Identity.ALWAYS, null)),
                new PrimaryKey(null, List.of("id")),
                List.of(),
                List.of(new UniqueKey("uk_name", List.of("name")), new UniqueKey(null, List.of("name", "id"))),
                List.of(new Index("ix", List.of(IndexKey.column("name", true), new IndexKey("lower(name)", false, true)),
                        true, "btree", "(id > 0)"), Index.of("ix2", false, IndexKey.column("id"))),
                List.of(new Check("ck", "id > 0", "id"), Check.of("name <> ''")),
                "users");
        Table orderTable = new Table(orders,
                List.of(Column.of("user_id", "bigint", true)),
                null,
                List.of(new ForeignKey("fk_user", List.of("user_id"), users, List.of("id"), "CASCADE"),
                        new ForeignKey(null, List.of("user_id"), users, List.of("id"), null)),
                List.of(), List.of(), List.of(), null);
        Schema schema = Schema.of(Set.of("public", "sales"), List.of(userTable, orderTable),
                List.of(new Sequence(QualifiedName.of("public", "user_seq"), 1, 50)),
                List.of(new EnumType(QualifiedName.of("public", "status"), List.of("A", "B"))));
        return new TargetModel(schema,
                Map.of(new ColumnRef(users, "name"), new Origin("com.example.User", "name", false, false),
                        new ColumnRef(orders, "user_id"), new Origin("com.example.Order", "user.id", true, true)),
                Map.of(orders, List.of("insert into \"Order\" values (1)")));
    }
}
