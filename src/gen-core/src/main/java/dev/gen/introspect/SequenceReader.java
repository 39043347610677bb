package dev.gen.introspect;

import dev.gen.model.QualifiedName;
import dev.gen.model.Sequence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Standalone sequences: {@code sequences.sql}. Identity columns' sequences belong to their column and are not
 * listed. Sequences a column owns through {@code OWNED BY} (serial columns) are listed, as they are objects a
 * migration creates and drops by name, except when their owner table is excluded: the history table's sequence
 * must not look like a sequence to drop.
 */
final class SequenceReader {

    private SequenceReader() {
    }

    static List<Sequence> read(QueryRunner runner, Collection<String> schemas, Predicate<QualifiedName> excludeTable)
            throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        runner.query(SqlResource.load("sequences"), schemas, row -> {
            String ownerTable = row.getString("owner_table");
            if (ownerTable != null && excludeTable.test(QualifiedName.of(row.getString("owner_schema"), ownerTable))) {
                return;
            }
            sequences.add(new Sequence(
                    QualifiedName.of(row.getString("schema_name"), row.getString("sequence_name")),
                    row.getLong("start_value"),
                    row.getLong("increment_by")));
        });
        return sequences;
    }
}
