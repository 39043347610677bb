package dev.gen.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The attributes by which an object of the file can be matched to a row the database already holds: the natural id
 * and each unique key of the entity's tables whose columns are all those of plain attributes or to-one
 * associations. Read from Hibernate's boot model, so it covers {@code @Column(unique = true)},
 * {@code @Table(uniqueConstraints)} and {@code @NaturalId} alike.
 */
final class Keys {

    /**
     * @param constraint how to name it in messages (the constraint's name, or "natural id")
     * @param entityName the most general entity that has all the attributes, for the query
     */
    record Key(String constraint, String table, List<String> attributes, String entityName) {
    }

    private final Metadata metadata;
    private final Map<String, List<Key>> byEntity = new HashMap<>();

    Keys(Metadata metadata) {
        this.metadata = metadata;
    }

    List<Key> of(EntityPersister persister) {
        return byEntity.computeIfAbsent(persister.getEntityName(), name -> read(persister));
    }

    private List<Key> read(EntityPersister persister) {
        List<Key> keys = new ArrayList<>();
        PersistentClass entity = metadata.getEntityBinding(persister.getEntityName());
        var naturalId = persister.getNaturalIdMapping();
        if (naturalId != null) {
            List<String> attributes = naturalId.getNaturalIdAttributes().stream().map(a -> a.getAttributeName())
                    .toList();
            keys.add(new Key("natural id", null, attributes, declaring(entity, attributes)));
        }
        Map<String, Property> byColumn = new HashMap<>();
        for (Property property : entity.getPropertyClosure()) {
            boolean plain = property.getValue() instanceof org.hibernate.mapping.SimpleValue
                    && !(property.getValue() instanceof org.hibernate.mapping.Component)
                    && (!(property.getValue() instanceof ToOne) || property.getValue()
                            instanceof org.hibernate.mapping.ManyToOne);
            if (plain && property.getColumns().size() == 1) {
                byColumn.put(property.getColumns().get(0).getCanonicalName(), property);
            }
        }
        Set<Table> tables = new LinkedHashSet<>();
        for (PersistentClass c = entity; c != null; c = c.getSuperclass()) {
            tables.add(c.getTable());
        }
        for (Table table : tables) {
            for (Column column : table.getColumns()) {
                if (column.isUnique()) {
                    add(keys, entity, table, name(table.getName(), table.isQuoted()) + "_" + name(column.getName(), column.isQuoted()) + "_key",
                            List.of(column),
                            byColumn);
                }
            }
            for (UniqueKey key : table.getUniqueKeys().values()) {
                add(keys, entity, table, folded(key.getName()), key.getColumns(), byColumn);
            }
        }
        return keys;
    }

    private void add(List<Key> keys, PersistentClass entity, Table table, String name, List<Column> columns,
            Map<String, Property> byColumn) {
        List<String> attributes = new ArrayList<>();
        for (Column column : columns) {
            Property property = byColumn.get(column.getCanonicalName());
            if (property == null) {
                return; // a column of an embeddable, a collection table or another class: not matched by
            }
            attributes.add(property.getName());
        }
        if (keys.stream().anyMatch(k -> k.attributes().equals(attributes))) {
            return;
        }
        keys.add(new Key(name, name(table.getName(), table.isQuoted()), attributes, declaring(entity, attributes)));
    }

    /** The most general class of the hierarchy that has every attribute: its rows are the ones a key spans. */
    private static String declaring(PersistentClass entity, List<String> attributes) {
        PersistentClass best = entity;
        for (PersistentClass c = entity.getSuperclass(); c != null; c = c.getSuperclass()) {
            Set<String> names = new java.util.HashSet<>();
            c.getPropertyClosure().forEach(p -> names.add(p.getName()));
            if (!names.containsAll(attributes)) {
                break;
            }
            best = c;
        }
        return best.getEntityName();
    }

    private static String name(String name, boolean quoted) {
        return quoted ? name : name.toLowerCase(java.util.Locale.ROOT);
    }

    /** A name as PostgreSQL spells it: Hibernate writes names unquoted (folded to lower case) unless quoted. */
    private static String folded(String name) {
        if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The foreign key of a to-one attribute, by name, or null when Hibernate's model has none for it. */
    String foreignKey(EntityPersister persister, String attribute) {
        PersistentClass entity = metadata.getEntityBinding(persister.getEntityName());
        for (PersistentClass c = entity; c != null; c = c.getSuperclass()) {
            Property property;
            try {
                property = c.getRecursiveProperty(attribute);
            } catch (RuntimeException e) {
                continue;
            }
            for (var key : c.getTable().getForeignKeys().values()) {
                if (key.getColumns().equals(property.getColumns())) {
                    return folded(key.getName());
                }
            }
        }
        return null;
    }
}
