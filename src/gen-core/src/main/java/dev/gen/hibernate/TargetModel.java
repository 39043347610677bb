package dev.gen.hibernate;

import dev.gen.model.Origin;
import dev.gen.model.ColumnRef;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema Hibernate expects, before PostgreSQL has normalised its type names, defaults and checks.
 *
 * @param origins the entity field behind each column, where Hibernate says
 * @param initStatements statements Hibernate runs right after creating a table (the first row of a
 *     {@code @TableGenerator} table), which a migration that creates the table must run too
 */
public record TargetModel(Schema schema, Map<ColumnRef, Origin> origins,
        Map<QualifiedName, List<String>> initStatements) {

    public TargetModel {
        origins = Map.copyOf(origins);
        initStatements = Map.copyOf(initStatements);
    }

    public Optional<Origin> origin(QualifiedName table, String column) {
        return Optional.ofNullable(origins.get(new ColumnRef(table, column)));
    }

    public TargetModel withSchema(Schema normalised) {
        return new TargetModel(normalised, origins, initStatements);
    }
}
