package dev.gen.introspect;

import dev.gen.model.EnumType;
import dev.gen.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Enum types with their labels in sort order: {@code enum_types.sql}. */
final class EnumTypeReader {

    private EnumTypeReader() {
    }

    static List<EnumType> read(QueryRunner runner, Collection<String> schemas) throws SQLException {
        return read(runner, schemas, relation -> false, new java.util.HashMap<>());
    }

    /**
     * @param managed whether a table ({@code schema.name}) is one gen manages
     * @param usersOutside filled with, per type, what uses it apart from the managed tables' columns
     */
    static List<EnumType> read(QueryRunner runner, Collection<String> schemas,
            java.util.function.Predicate<String> managed, java.util.Map<QualifiedName, List<String>> usersOutside)
            throws SQLException {
        List<EnumType> types = new ArrayList<>();
        runner.query(SqlResource.load("enum_types"), schemas, row -> {
            QualifiedName name = QualifiedName.of(row.getString("schema_name"), row.getString("type_name"));
            types.add(new EnumType(name, QueryRunner.texts(row.getArray("labels"))));
            java.sql.Array relationArray = row.getArray("user_relations");
            Object[] relations = relationArray == null ? new Object[0] : (Object[]) relationArray.getArray();
            List<String> descriptions = QueryRunner.texts(row.getArray("user_descriptions"));
            List<String> outside = new ArrayList<>();
            for (int i = 0; i < descriptions.size(); i++) {
                String relation = i < relations.length ? (String) relations[i] : null;
                if (relation == null || !managed.test(relation)) {
                    outside.add(descriptions.get(i));
                }
            }
            if (!outside.isEmpty()) {
                usersOutside.put(name, List.copyOf(outside));
            }
        });
        return types;
    }
}
