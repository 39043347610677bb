package dev.gen.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/**
 * What the database already holds: the rows that {@code {"id": 7}} references point at, and, for a second run, the
 * objects of the file that exist already (by explicit id, natural id, or a unique key the object gives in full).
 * Objects of the file that would collide with each other on a unique key are reported here too, before any insert.
 */
final class Matching {

    private final SeedGraph graph;
    private final StatelessSession session;
    private final Keys keys;
    private final ExistingRows mode;
    private final Map<String, Boolean> hasRows = new HashMap<>();

    Matching(SeedGraph graph, StatelessSession session, Keys keys, ExistingRows mode) {
        this.graph = graph;
        this.session = session;
        this.keys = keys;
        this.mode = mode;
    }

    /** Loads the row of every {@code {"id": ...}} reference to a row outside the file; a missing row is an error. */
    void resolveIdReferences() {
        Map<List<Object>, Object> loaded = new HashMap<>();
        for (Link link : graph.links) {
            for (Ref ref : link.refs) {
                if (ref.id == null || ref.object != null) {
                    continue;
                }
                List<Object> key = List.of(ref.type.getRootEntityName(), ref.id);
                Object row = loaded.computeIfAbsent(key, k -> session.get(ref.type.getEntityName(), ref.id));
                if (row == null) {
                    String fk = keys.foreignKey(link.holder.persister, link.attribute.getAttributeName());
                    throw new SeedException(SeedException.Kind.CONSTRAINT, "Cannot seed from " + graph.file + ": at "
                            + ref.path + Problems.where(link.holder.entityName(), link.attribute.getAttributeName())
                            + ", the reference {\"id\": " + ref.id + "} points at no " + SeedGraph.simpleEntityName(
                                    ref.type) + " row: the database has none with that id, and no object of the file"
                            + " gives it" + (fk == null ? "" : " (the foreign key " + fk + " would be violated)")
                            + ". Refer to an existing row, or add the object to the file with a label and refer to"
                            + " it with {\"@ref\": ...}. Nothing was inserted.");
                }
                ref.loaded = row;
            }
        }
    }

    /**
     * Marks the objects the database already holds (in insertion order, so that a reference to an existing object
     * takes its row's id before the objects referring to it are matched) and reports objects that would collide.
     *
     * @return a description of each skipped object
     */
    List<String> markExisting(List<SeedObject> ordered) {
        Map<List<Object>, SeedObject> seen = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (SeedObject object : ordered) {
            if (object.owner != null && object.owner.skipped()) {
                skipped.add(object + ": belongs to " + object.owner + ", which exists");
                continue;
            }
            boolean identifiable = object.explicitId != null;
            String match = null;
            Object id = null;
            if (object.explicitId != null && exists(object.persister.getRootEntityName(), "id(e) = :p0",
                    List.of(object.explicitId))) {
                id = object.explicitId;
                match = "its id " + object.explicitId;
            }
            for (Keys.Key key : keys.of(object.persister)) {
                List<Object> values = values(object, key);
                if (values == null) {
                    continue;
                }
                identifiable = true;
                List<Object> tuple = new ArrayList<>(List.of(key.constraint(), key.entityName()));
                tuple.addAll(identities(values));
                SeedObject twin = seen.putIfAbsent(tuple, object);
                if (twin != null) {
                    throw new SeedException(SeedException.Kind.CONSTRAINT, "Cannot seed from " + graph.file + ": "
                            + object + " and " + twin + " have the same " + String.join(", ", key.attributes())
                            + " (" + describe(values) + "), which the " + (key.table() == null ? "natural id"
                                    : "unique constraint " + key.constraint() + " on " + key.table())
                            + " allows only once. Give one of them other values, or remove it. Nothing was"
                            + " inserted.");
                }
                if (match == null && !refersToNew(values)) {
                    Object found = find(key, values);
                    if (found != null) {
                        id = found;
                        match = describeKey(key, values);
                    }
                }
            }
            if (match != null) {
                if (mode == ExistingRows.REFUSE) {
                    refused.add(object + " (matched by " + match + ")");
                    continue;
                }
                object.existing = true;
                object.existingBecause = match;
                object.persister.getIdentifierMapping().setIdentifier(object.instance, id, null);
                skipped.add(object + ": exists (matched by " + match + ")");
            } else if (!identifiable && object.owner == null && hasRows(object.persister.getEntityName())) {
                refused.add(object + " (it has no id, natural id or unique key to match it by, and "
                        + object.entityName() + " already has rows)");
            }
        }
        if (!refused.isEmpty()) {
            throw new SeedException(SeedException.Kind.EXISTING, "Cannot seed from " + graph.file + ": the database"
                    + " may already hold " + (refused.size() == 1 ? "this object" : refused.size() + " of its objects")
                    + " (" + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? "; ..." : "") + "). "
                    + (mode == ExistingRows.REFUSE ? "With --existing refuse a second run inserts nothing; use"
                            + " --existing skip (the default) to insert only the objects that are new."
                            : "Seeding never inserts a duplicate: give such objects an explicit \"id\" or the"
                                    + " attributes of a unique key, so a second run can recognise them.")
                    + " Nothing was inserted.");
        }
        return skipped;
    }

    /** The key's values, or null when one is missing (a null never matches in a unique key). */
    private static List<Object> values(SeedObject object, Keys.Key key) {
        List<Object> values = new ArrayList<>();
        for (String attribute : key.attributes()) {
            var mapping = object.persister.findAttributeMapping(attribute);
            Object value = mapping == null ? null : mapping.getPropertyAccess().getGetter().get(object.instance);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** Values compared as the database compares them: an entity by its row (or by being the same new object). */
    private List<Object> identities(List<Object> values) {
        List<Object> result = new ArrayList<>();
        for (Object value : values) {
            SeedObject seed = seedObjectOf(value);
            if (seed != null && !seed.existing) {
                result.add(seed); // seed objects compare by identity
            } else if (isEntity(value)) {
                result.add(List.of(entityName(value), session.getIdentifier(value)));
            } else {
                result.add(value);
            }
        }
        return result;
    }

    /** A key that refers to an object being inserted now cannot match a row of the database. */
    private boolean refersToNew(List<Object> values) {
        for (Object value : values) {
            SeedObject seed = seedObjectOf(value);
            if (seed != null && !seed.existing) {
                return true;
            }
        }
        return false;
    }

    private SeedObject seedObjectOf(Object value) {
        if (byInstance == null) {
            byInstance = new java.util.IdentityHashMap<>();
            for (SeedObject object : graph.objects) {
                byInstance.put(object.instance, object);
            }
        }
        return byInstance.get(value);
    }

    private Map<Object, SeedObject> byInstance;

    private boolean isEntity(Object value) {
        return value.getClass().isAnnotationPresent(jakarta.persistence.Entity.class)
                || graph.factory.getMappingMetamodel().findEntityDescriptor(value.getClass()) != null;
    }

    private String entityName(Object value) {
        return graph.factory.getMappingMetamodel().getEntityDescriptor(value.getClass()).getRootEntityName();
    }

    private Object find(Keys.Key key, List<Object> values) {
        if (!hasRows(key.entityName())) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < key.attributes().size(); i++) {
            where.append(i == 0 ? "" : " and ").append("e.").append(key.attributes().get(i)).append(" = :p")
                    .append(i);
        }
        SelectionQuery<Object> query = session.createSelectionQuery("select id(e) from " + key.entityName()
                + " e where " + where, Object.class);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter("p" + i, values.get(i));
        }
        List<Object> ids = query.setMaxResults(1).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    private boolean exists(String entityName, String condition, List<Object> values) {
        if (!hasRows(entityName)) {
            return false;
        }
        SelectionQuery<Long> query = session.createSelectionQuery("select count(e) from " + entityName + " e where "
                + condition, Long.class);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter("p" + i, values.get(i));
        }
        return query.getSingleResult() > 0;
    }

    /** One query per entity: on an empty table (a first run) no object needs to be looked up. */
    private boolean hasRows(String entityName) {
        return hasRows.computeIfAbsent(entityName, name -> !session.createSelectionQuery("select 1 from " + name
                + " e", Integer.class).setMaxResults(1).getResultList().isEmpty());
    }

    private String describeKey(Keys.Key key, List<Object> values) {
        return (key.table() == null ? "natural id " : "unique key " + key.constraint() + " ")
                + String.join(", ", key.attributes()) + " = " + describe(values);
    }

    private String describe(List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (Object value : values) {
            SeedObject seed = seedObjectOf(value);
            if (seed != null) {
                parts.add(seed.existing ? seed.entityName() + " " + session.getIdentifier(value) : seed.toString());
            } else if (value != null && isEntity(value)) {
                parts.add(value.getClass().getSimpleName() + " " + session.getIdentifier(value));
            } else {
                parts.add(Objects.toString(value));
            }
        }
        return String.join(", ", parts);
    }
}
