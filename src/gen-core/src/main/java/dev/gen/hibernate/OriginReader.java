package dev.gen.hibernate;

import dev.gen.model.Origin;
import dev.gen.model.ColumnRef;
import dev.gen.model.QualifiedName;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.SingleTableSubclass;
import org.hibernate.mapping.Value;

/** Maps each column back to the entity field that produced it, for messages a developer can act on. */
final class OriginReader {

    private final Metadata metadata;
    private final Function<org.hibernate.mapping.Table, QualifiedName> tableName;
    private final Map<ColumnRef, Origin> origins = new HashMap<>();

    OriginReader(Metadata metadata, Function<org.hibernate.mapping.Table, QualifiedName> tableName) {
        this.metadata = metadata;
        this.tableName = tableName;
    }

    Map<ColumnRef, Origin> read() {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            boolean singleTableSubclass = entity instanceof SingleTableSubclass;
            Class<?> type = entity.getMappedClass();
            if (entity.getIdentifierProperty() != null) {
                visit(entity.getClassName(), type, entity.getIdentifierProperty(), "", false);
            }
            if (entity.getVersion() != null) {
                visit(entity.getClassName(), type, entity.getVersion(), "", false);
            }
            for (Property property : entity.getProperties()) {
                visit(entity.getClassName(), type, property, "", singleTableSubclass);
            }
        }
        return origins;
    }

    private void visit(String entityClass, Class<?> owner, Property property, String prefix, boolean subclass) {
        Value value = property.getValue();
        String path = prefix + property.getName();
        if (value instanceof Component component) {
            Class<?> componentClass = component.getComponentClass();
            for (Property nested : component.getProperties()) {
                visit(entityClass, componentClass, nested, path + ".", subclass);
            }
            return;
        }
        if (value instanceof Collection collection) {
            record(collection.getCollectionTable(), collection.getKey(), entityClass, path, false, false);
            record(collection.getCollectionTable(), collection.getElement(), entityClass, path, false, false);
            if (collection instanceof IndexedCollection indexed) {
                // the map key (@MapKeyColumn) or list index (@OrderColumn) column of the collection table
                record(collection.getCollectionTable(), indexed.getIndex(), entityClass, path, false, false);
            }
            return;
        }
        boolean primitive = isPrimitive(owner, property.getName());
        boolean required = subclass && !property.isOptional();
        record(value.getTable(), value, entityClass, path, primitive, required);
    }

    private void record(org.hibernate.mapping.Table table, Value value, String entityClass, String path,
            boolean primitive, boolean required) {
        if (table == null || value == null) {
            return;
        }
        QualifiedName name = tableName.apply(table);
        for (Selectable selectable : value.getSelectables()) {
            if (selectable instanceof org.hibernate.mapping.Column column) {
                String columnName = Names.physical(column.getName(), column.isQuoted());
                origins.putIfAbsent(new ColumnRef(name, columnName), new Origin(entityClass, path, primitive, required));
            }
        }
    }

    private static boolean isPrimitive(Class<?> owner, String fieldName) {
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(fieldName);
                return field.getType().isPrimitive();
            } catch (NoSuchFieldException e) {
                // declared further up, or a property accessed through getters
            }
        }
        return false;
    }
}
