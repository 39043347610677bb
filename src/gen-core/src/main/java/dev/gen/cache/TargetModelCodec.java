package dev.gen.cache;

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
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compact binary form of a {@link TargetModel}: a fixed layout of the model's records written with
 * {@link DataOutputStream}, field by field, in the records' declaration order. No Java serialisation: reading
 * never instantiates anything but the model's own records, and any malformed input fails with an
 * {@link IOException} (the cache treats that as a miss).
 *
 * <p>Strings are UTF-8 with a length prefix ({@code -1} for null); strings longer than
 * {@link DataOutputStream#writeUTF}'s 64 KB limit are fine. Counts are ints and checked against sanity bounds.
 */
final class TargetModelCodec {

    /** Bump whenever the layout or a model record changes. */
    static final int FORMAT = 1;
    private static final int MAX_COUNT = 10_000_000;

    private TargetModelCodec() {
    }

    static void write(DataOutputStream out, TargetModel model) throws IOException {
        writeSchema(out, model.schema());
        out.writeInt(model.origins().size());
        for (Map.Entry<ColumnRef, Origin> entry : new TreeMap<>(model.origins()).entrySet()) {
            writeName(out, entry.getKey().table());
            string(out, entry.getKey().column());
            Origin origin = entry.getValue();
            string(out, origin.entityClass());
            string(out, origin.attributePath());
            out.writeBoolean(origin.primitive());
            out.writeBoolean(origin.requiredInSingleTableSubclass());
        }
        out.writeInt(model.initStatements().size());
        for (Map.Entry<QualifiedName, List<String>> entry : new TreeMap<>(model.initStatements()).entrySet()) {
            writeName(out, entry.getKey());
            strings(out, entry.getValue());
        }
    }

    static TargetModel read(DataInputStream in) throws IOException {
        try {
            Schema schema = readSchema(in);
            int origins = count(in);
            Map<ColumnRef, Origin> originMap = new LinkedHashMap<>();
            for (int i = 0; i < origins; i++) {
                ColumnRef ref = new ColumnRef(readName(in), string(in));
                originMap.put(ref, new Origin(string(in), string(in), in.readBoolean(), in.readBoolean()));
            }
            int inits = count(in);
            Map<QualifiedName, List<String>> initStatements = new LinkedHashMap<>();
            for (int i = 0; i < inits; i++) {
                initStatements.put(readName(in), strings(in));
            }
            return new TargetModel(schema, originMap, initStatements);
        } catch (RuntimeException e) {
            // a record's constructor refused a value: the bytes are not what this code wrote
            throw new IOException("malformed cache entry: " + e, e);
        }
    }

    private static void writeSchema(DataOutputStream out, Schema schema) throws IOException {
        strings(out, List.copyOf(schema.schemas()));
        out.writeInt(schema.tables().size());
        for (Table table : schema.tables().values()) {
            writeTable(out, table);
        }
        out.writeInt(schema.sequences().size());
        for (Sequence sequence : schema.sequences().values()) {
            writeName(out, sequence.name());
            out.writeLong(sequence.start());
            out.writeLong(sequence.increment());
        }
        out.writeInt(schema.enumTypes().size());
        for (EnumType type : schema.enumTypes().values()) {
            writeName(out, type.name());
            strings(out, type.labels());
        }
    }

    private static Schema readSchema(DataInputStream in) throws IOException {
        Set<String> schemas = new LinkedHashSet<>(strings(in));
        int tableCount = count(in);
        List<Table> tables = new ArrayList<>(tableCount);
        for (int i = 0; i < tableCount; i++) {
            tables.add(readTable(in));
        }
        int sequenceCount = count(in);
        List<Sequence> sequences = new ArrayList<>(sequenceCount);
        for (int i = 0; i < sequenceCount; i++) {
            sequences.add(new Sequence(readName(in), in.readLong(), in.readLong()));
        }
        int typeCount = count(in);
        List<EnumType> types = new ArrayList<>(typeCount);
        for (int i = 0; i < typeCount; i++) {
            types.add(new EnumType(readName(in), strings(in)));
        }
        return Schema.of(schemas, tables, sequences, types);
    }

    private static void writeTable(DataOutputStream out, Table table) throws IOException {
        writeName(out, table.name());
        out.writeInt(table.columns().size());
        for (Column column : table.columns()) {
            string(out, column.name());
            string(out, column.type().sql());
            out.writeBoolean(column.nullable());
            string(out, column.defaultExpression());
            out.writeByte(column.identity() == null ? -1 : column.identity().ordinal());
            string(out, column.comment());
        }
        out.writeBoolean(table.primaryKey() != null);
        if (table.primaryKey() != null) {
            string(out, table.primaryKey().name());
            strings(out, table.primaryKey().columns());
        }
        out.writeInt(table.foreignKeys().size());
        for (ForeignKey key : table.foreignKeys()) {
            string(out, key.name());
            strings(out, key.columns());
            writeName(out, key.referencedTable());
            strings(out, key.referencedColumns());
            string(out, key.onDelete());
        }
        out.writeInt(table.uniqueKeys().size());
        for (UniqueKey key : table.uniqueKeys()) {
            string(out, key.name());
            strings(out, key.columns());
        }
        out.writeInt(table.indexes().size());
        for (Index index : table.indexes()) {
            string(out, index.name());
            out.writeInt(index.keys().size());
            for (IndexKey key : index.keys()) {
                string(out, key.column());
                out.writeBoolean(key.descending());
                out.writeBoolean(key.expression());
            }
            out.writeBoolean(index.unique());
            string(out, index.method());
            string(out, index.predicate());
        }
        out.writeInt(table.checks().size());
        for (Check check : table.checks()) {
            string(out, check.name());
            string(out, check.expression());
            string(out, check.column());
        }
        string(out, table.comment());
    }

    private static Table readTable(DataInputStream in) throws IOException {
        QualifiedName name = readName(in);
        int columnCount = count(in);
        List<Column> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String columnName = string(in);
            ColumnType type = ColumnType.of(string(in));
            boolean nullable = in.readBoolean();
            String defaultExpression = string(in);
            int identity = in.readByte();
            Identity[] identities = Identity.values();
            if (identity < -1 || identity >= identities.length) {
                throw new IOException("malformed cache entry: identity " + identity);
            }
            columns.add(new Column(columnName, type, nullable, defaultExpression,
                    identity < 0 ? null : identities[identity], string(in)));
        }
        PrimaryKey primaryKey = in.readBoolean() ? new PrimaryKey(string(in), strings(in)) : null;
        int foreignKeyCount = count(in);
        List<ForeignKey> foreignKeys = new ArrayList<>(foreignKeyCount);
        for (int i = 0; i < foreignKeyCount; i++) {
            foreignKeys.add(new ForeignKey(string(in), strings(in), readName(in), strings(in), string(in)));
        }
        int uniqueCount = count(in);
        List<UniqueKey> uniqueKeys = new ArrayList<>(uniqueCount);
        for (int i = 0; i < uniqueCount; i++) {
            uniqueKeys.add(new UniqueKey(string(in), strings(in)));
        }
        int indexCount = count(in);
        List<Index> indexes = new ArrayList<>(indexCount);
        for (int i = 0; i < indexCount; i++) {
            String indexName = string(in);
            int keyCount = count(in);
            List<IndexKey> keys = new ArrayList<>(keyCount);
            for (int k = 0; k < keyCount; k++) {
                keys.add(new IndexKey(string(in), in.readBoolean(), in.readBoolean()));
            }
            indexes.add(new Index(indexName, keys, in.readBoolean(), string(in), string(in)));
        }
        int checkCount = count(in);
        List<Check> checks = new ArrayList<>(checkCount);
        for (int i = 0; i < checkCount; i++) {
            checks.add(new Check(string(in), string(in), string(in)));
        }
        return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, string(in));
    }

    private static void writeName(DataOutputStream out, QualifiedName name) throws IOException {
        string(out, name.schema());
        string(out, name.name());
    }

    private static QualifiedName readName(DataInputStream in) throws IOException {
        return QualifiedName.of(string(in), string(in));
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int size = count(in);
        List<String> values = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            values.add(string(in));
        }
        return values;
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("malformed cache entry: string length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new java.io.EOFException("truncated cache entry");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_COUNT) {
            throw new IOException("malformed cache entry: count " + count);
        }
        return count;
    }
}
