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
        List<EnumType> types = new ArrayList<>();
        runner.query(SqlResource.load("enum_types"), schemas, row -> types.add(new EnumType(
                QualifiedName.of(row.getString("schema_name"), row.getString("type_name")),
                QueryRunner.texts(row.getArray("labels")))));
        return types;
    }
}
