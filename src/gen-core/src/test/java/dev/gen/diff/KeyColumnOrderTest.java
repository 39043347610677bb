package dev.gen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.model.Column;
import dev.gen.model.ForeignKey;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hibernate orders composite keys one way when it creates the schema itself and another way (the mapping's) when
 * the metadata is exported directly; a database from either path is the application's, so order alone is no
 * change. A different set of columns still is.
 */
class KeyColumnOrderTest {

    private static final QualifiedName PARENT = QualifiedName.of("public", "parent");
    private static final QualifiedName CHILD = QualifiedName.of("public", "child");

    @Test
    void primaryKeyColumnOrderAloneIsNoChange() {
        assertEquals(List.of(), SchemaDiff.diff(schema(List.of("b", "a"), List.of("pb", "pa"), List.of("b", "a")),
                schema(List.of("a", "b"), List.of("pa", "pb"), List.of("a", "b"))));
    }

    @Test
    void primaryKeyWithOtherColumnsIsRebuilt() {
        Schema current = schema(List.of("a", "b"), List.of("pa", "pb"), List.of("a", "b"));
        Table parent = current.table(PARENT);
        Table narrowed = new Table(PARENT, parent.columns(), new PrimaryKey(null, List.of("a")), List.of(), List.of(),
                List.of(), List.of(), null);
        List<Change> changes = SchemaDiff.diff(current, Schema.of(current.schemas(),
                List.of(narrowed, current.table(CHILD)), List.of(), List.of()));
        assertTrue(changes.stream().anyMatch(Change.DropPrimaryKey.class::isInstance), changes.toString());
        assertTrue(changes.stream().anyMatch(Change.AddPrimaryKey.class::isInstance), changes.toString());
    }

    @Test
    void foreignKeyPairsInAnotherOrderMeanTheSame() {
        ForeignKey mapped = new ForeignKey("fk", List.of("pa", "pb"), PARENT, List.of("a", "b"), null);
        ForeignKey ordered = new ForeignKey("fk", List.of("pb", "pa"), PARENT, List.of("b", "a"), null);
        ForeignKey crossed = new ForeignKey("fk", List.of("pa", "pb"), PARENT, List.of("b", "a"), null);
        assertTrue(mapped.sameMeaning(ordered));
        assertTrue(!mapped.sameMeaning(crossed), "pairing pa with b is another key");
    }

    private static Schema schema(List<String> keyOrder, List<String> fkColumns, List<String> fkTargets) {
        Table parent = new Table(PARENT, List.of(Column.of("a", "bigint", false), Column.of("b", "bigint", false)),
                new PrimaryKey(null, keyOrder), List.of(), List.of(), List.of(), List.of(), null);
        Table child = new Table(CHILD, List.of(Column.of("pa", "bigint", false), Column.of("pb", "bigint", false)),
                null, List.of(new ForeignKey("fk_child_parent", fkColumns, PARENT, fkTargets, null)), List.of(),
                List.of(), List.of(), null);
        return Schema.of(Set.of("public"), List.of(parent, child), List.of(), List.of());
    }
}
