package dev.gen.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Reads the seed document into entity instances, through Hibernate's mapping model of the application's entities:
 * entity names, attribute names and Java types, embeddables, associations and collections. References are
 * collected as {@link Link}s and wired once every label is known and ids are checked against the database.
 */
final class SeedGraph {

    final String file;
    final SessionFactoryImplementor factory;
    final Metadata metadata;
    final ObjectMapper mapper;
    final List<SeedObject> objects = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    private final Map<String, SeedObject> labels = new HashMap<>();
    private final Map<String, EntityPersister> entityNames = new HashMap<>();
    private final Map<String, List<EntityPersister>> simpleNames = new HashMap<>();

    SeedGraph(String file, SessionFactoryImplementor factory, Metadata metadata, ObjectMapper mapper) {
        this.file = file;
        this.factory = factory;
        this.metadata = metadata;
        this.mapper = mapper;
        factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
            entityNames.put(persister.getEntityName(), persister);
            entityNames.put(persister.getJpaEntityName(), persister);
            simpleNames.computeIfAbsent(simpleClassName(persister), k -> new ArrayList<>()).add(persister);
        });
    }

    static String simpleEntityName(EntityPersister persister) {
        return persister.getJpaEntityName();
    }

    private static String simpleClassName(EntityPersister persister) {
        return persister.getMappedClass().getSimpleName();
    }

    /** Builds every object of the document and resolves its labels. */
    void read(JsonNode root) {
        if (!root.isObject()) {
            throw input("$", null, null, "the document must be an object whose keys are entity names, each holding"
                    + " a list of objects, but it is " + Values.found(root) + ".");
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String path = "$." + entry.getKey();
            EntityPersister persister = entity(entry.getKey(), path);
            if (!entry.getValue().isArray()) {
                throw input(path, simpleEntityName(persister), null, "expected a list of " + entry.getKey()
                        + " objects, but found " + Values.found(entry.getValue()) + ".");
            }
            int index = 0;
            for (JsonNode element : entry.getValue()) {
                newObject(element, persister, path + "[" + index++ + "]", null, false);
            }
        }
        resolveLabels();
        Mandatory mandatory = new Mandatory(this);
        for (SeedObject object : objects) {
            mandatory.require(object);
        }
    }

    private EntityPersister entity(String name, String path) {
        EntityPersister persister = entityNames.get(name);
        if (persister != null) {
            return persister;
        }
        List<EntityPersister> bySimpleName = simpleNames.getOrDefault(name, List.of());
        if (bySimpleName.size() == 1) {
            return bySimpleName.get(0);
        }
        if (bySimpleName.size() > 1) {
            throw input(path, null, null, "\"" + name + "\" names more than one entity class ("
                    + bySimpleName.stream().map(p -> p.getMappedClass().getName()).sorted()
                            .collect(Collectors.joining(", "))
                    + "): write the fully qualified class name instead.");
        }
        throw input(path, null, null, "\"" + name + "\" is not an entity of the classpath. Known entities: "
                + new java.util.TreeSet<>(simpleNames.keySet()) + " (their names, or fully qualified class names).");
    }

    /** A new seed object from a JSON object; {@code owner} is set for objects nested in another's collection. */
    private SeedObject newObject(JsonNode node, EntityPersister declared, String path, SeedObject owner,
            boolean nested) {
        if (!node.isObject()) {
            throw input(path, simpleEntityName(declared), null, "expected an object, but found " + Values.found(node)
                    + ".");
        }
        EntityPersister persister = declared;
        JsonNode type = node.get("@type");
        if (type != null) {
            persister = entity(type.asText(), path + ".@type");
            if (!declared.isSubclassEntityName(persister.getEntityName())) {
                throw input(path + ".@type", simpleEntityName(declared), null, "\"" + type.asText() + "\" is not "
                        + simpleEntityName(declared) + " or one of its subclasses.");
            }
        }
        if (persister.isAbstract() || persister.getMappedClass().isInterface()
                || java.lang.reflect.Modifier.isAbstract(persister.getMappedClass().getModifiers())) {
            throw input(path, simpleEntityName(persister), null, simpleEntityName(persister) + " is abstract: list the"
                    + " object under the name of its concrete subclass" + (nested ? ", or give \"@type\"" : "") + ".");
        }
        String label = null;
        JsonNode labelNode = node.get("@id");
        if (labelNode != null) {
            if (!labelNode.isTextual() || labelNode.asText().isBlank()) {
                throw input(path + ".@id", simpleEntityName(persister), null, "a label must be a non-empty string,"
                        + " but found " + Values.found(labelNode) + ".");
            }
            label = labelNode.asText();
        }
        Object instance;
        try {
            instance = persister.getRepresentationStrategy().getInstantiator().instantiate();
        } catch (RuntimeException e) {
            throw input(path, simpleEntityName(persister), null, "Hibernate cannot instantiate "
                    + persister.getMappedClass().getName() + " (" + e.getMessage() + "): give it a no-argument"
                    + " constructor, as JPA requires.");
        }
        SeedObject object = new SeedObject(path, persister, instance, label, owner);
        if (label != null) {
            SeedObject previous = labels.putIfAbsent(label, object);
            if (previous != null) {
                throw input(path + ".@id", simpleEntityName(persister), null, "the label \"" + label + "\" is already"
                        + " used by " + previous + ": labels must be unique in the file.");
            }
        }
        objects.add(object);
        readAttributes(node, object, persister, instance, path);
        return object;
    }

    private void readAttributes(JsonNode node, SeedObject object, ManagedMappingType type, Object target,
            String path) {
        EntityPersister persister = object.persister;
        boolean entity = type == persister.getEntityMappingType() || type instanceof EntityPersister;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String at = path + "." + name;
            if (entity && (name.equals("@id") || name.equals("@type"))) {
                continue;
            }
            if (name.startsWith("@")) {
                throw input(at, object.entityName(), name, "\"" + name + "\" is not part of the format: an object may"
                        + " carry \"@id\" (its label)" + (entity ? " and \"@type\" (a subclass)" : "")
                        + ", and a reference is {\"@ref\": \"label\"}.");
            }
            if (entity && isIdentifier(persister, name)) {
                object.explicitId = explicitId(persister, field.getValue(), at);
                persister.getIdentifierMapping().setIdentifier(object.instance, object.explicitId, null);
                continue;
            }
            if (entity && persister.getVersionMapping() != null
                    && persister.getVersionMapping().getVersionAttribute().getAttributeName().equals(name)) {
                throw input(at, object.entityName(), name, name + " is the entity's @Version attribute, which"
                        + " Hibernate sets itself: remove it from the file.");
            }
            AttributeMapping attribute = type.findAttributeMapping(name);
            if (attribute == null) {
                throw input(at, object.entityName(), name, describe(type) + " has no attribute \"" + name
                        + "\". Its attributes: " + attributeNames(type, persister, entity) + ".");
            }
            readAttribute(field.getValue(), object, attribute, target, at);
        }
    }

    private void readAttribute(JsonNode value, SeedObject object, AttributeMapping attribute, Object target,
            String at) {
        if (attribute instanceof PluralAttributeMapping plural) {
            readCollection(value, object, plural, target, at);
        } else if (attribute instanceof EntityValuedModelPart toOne) {
            EntityPersister targetType = toOne.getEntityMappingType().getEntityPersister();
            List<Ref> refs = new ArrayList<>();
            if (!value.isNull()) {
                refs.add(ref(value, targetType, at, object, false));
            }
            links.add(new Link(object, target, attribute, at, refs, null));
        } else if (attribute instanceof EmbeddableValuedModelPart embedded) {
            set(attribute, target, value.isNull() ? null : embeddable(value, object, embedded, at), object, at);
        } else if (attribute instanceof BasicValuedModelPart) {
            set(attribute, target, basic(value, object, attribute, at), object, at);
        } else {
            throw input(at, object.entityName(), attribute.getAttributeName(), "this kind of attribute ("
                    + attribute.getClass().getSimpleName() + ", e.g. @Any) cannot be seeded yet: leave it out of the"
                    + " file and set it in a migration or from the application.");
        }
    }

    private Object basic(JsonNode value, SeedObject object, AttributeMapping attribute, String at) {
        var getter = attribute.getPropertyAccess().getGetter();
        try {
            return Values.convert(value, getter.getReturnTypeClass(), getter.getReturnType(), mapper);
        } catch (Values.Mismatch e) {
            throw input(at, object.entityName(), attribute.getAttributeName(), "expected " + e.getMessage() + ".");
        }
    }

    private Object embeddable(JsonNode value, SeedObject object, EmbeddableValuedModelPart part, String at) {
        if (!value.isObject()) {
            throw input(at, object.entityName(), part.getPartName(), "expected an object with the attributes of the"
                    + " embeddable " + part.getEmbeddableTypeDescriptor().getJavaType().getJavaTypeClass().getSimpleName()
                    + ", but found " + Values.found(value) + ".");
        }
        EmbeddableMappingType type = part.getEmbeddableTypeDescriptor();
        Class<?> javaClass = type.getJavaType().getJavaTypeClass();
        if (javaClass.isRecord()) {
            return record(value, object, type, at);
        }
        Object instance = type.getRepresentationStrategy().getInstantiator().instantiate(() -> null);
        readAttributes(value, object, type, instance, at);
        return instance;
    }

    /** A record embeddable is built from all its values at once, in the order of Hibernate's attributes. */
    private Object record(JsonNode value, SeedObject object, EmbeddableMappingType type, String at) {
        Object[] values = new Object[type.getNumberOfAttributeMappings()];
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeMapping attribute = type.findAttributeMapping(field.getKey());
            if (attribute == null) {
                throw input(at + "." + field.getKey(), object.entityName(), field.getKey(), describe(type)
                        + " has no attribute \"" + field.getKey() + "\". Its attributes: "
                        + attributeNames(type, object.persister, false) + ".");
            }
            String path = at + "." + field.getKey();
            if (attribute instanceof EmbeddableValuedModelPart nested) {
                values[attribute.getStateArrayPosition()] = field.getValue().isNull() ? null
                        : embeddable(field.getValue(), object, nested, path);
            } else if (attribute instanceof BasicValuedModelPart) {
                values[attribute.getStateArrayPosition()] = basic(field.getValue(), object, attribute, path);
            } else {
                throw input(path, object.entityName(), field.getKey(), "associations inside a record embeddable"
                        + " cannot be seeded.");
            }
        }
        return type.getRepresentationStrategy().getInstantiator().instantiate(() -> values);
    }

    private void readCollection(JsonNode value, SeedObject object, PluralAttributeMapping plural, Object target,
            String at) {
        String name = plural.getAttributeName();
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw input(at, object.entityName(), name, "expected a list, but found " + Values.found(value) + ".");
        }
        var classification = plural.getCollectionDescriptor().getCollectionSemantics().getCollectionClassification();
        Class<?> declared = plural.getPropertyAccess().getGetter().getReturnTypeClass();
        java.util.function.Supplier<Collection<Object>> collection = switch (classification) {
            case LIST, BAG, ID_BAG -> ArrayList::new;
            case SET, ORDERED_SET -> LinkedHashSet::new;
            case SORTED_SET -> TreeSet::new;
            default -> throw input(at, object.entityName(), name, "a " + classification + " collection cannot be"
                    + " seeded yet (maps and arrays): leave it out of the file.");
        };
        if (SortedSet.class.isAssignableFrom(declared)) {
            collection = TreeSet::new;
        }
        CollectionPart element = plural.getElementDescriptor();
        if (element instanceof EntityValuedModelPart entityElement) {
            readEntityCollection(value, object, plural, entityElement, target, at, collection);
            return;
        }
        Collection<Object> values = collection.get();
        Type elementType = elementType(plural.getPropertyAccess().getGetter().getReturnType());
        int index = 0;
        for (JsonNode item : value) {
            String path = at + "[" + index++ + "]";
            if (element instanceof EmbeddableValuedModelPart embedded) {
                values.add(item.isNull() ? null : embeddable(item, object, embedded, path));
            } else {
                Class<?> raw = elementType instanceof Class<?> c ? c
                        : elementType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
                try {
                    values.add(Values.convert(item, raw, elementType, mapper));
                } catch (Values.Mismatch e) {
                    throw input(path, object.entityName(), name, "expected " + e.getMessage() + ".");
                }
            }
        }
        set(plural, target, values, object, at);
    }

    private void readEntityCollection(JsonNode value, SeedObject object, PluralAttributeMapping plural,
            EntityValuedModelPart element, Object target, String at,
            java.util.function.Supplier<Collection<Object>> collection) {
        EntityPersister elementType = element.getEntityMappingType().getEntityPersister();
        String name = plural.getAttributeName();
        var binding = metadata.getCollectionBinding(plural.getCollectionDescriptor().getRole());
        String mappedBy = binding == null ? null : binding.getMappedByProperty();
        boolean inverse = plural.getCollectionDescriptor().isInverse();
        if (inverse && (mappedBy == null || plural.getCollectionDescriptor().isManyToMany())) {
            throw input(at, object.entityName(), name, name + " is the inverse side of a many-to-many (mappedBy),"
                    + " which Hibernate does not write: list these references on the owning side, "
                    + simpleEntityName(elementType) + "." + (mappedBy == null ? "<owner>" : mappedBy) + ", instead.");
        }
        List<Ref> refs = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value) {
            String path = at + "[" + index++ + "]";
            Ref ref = ref(item, elementType, path, object, true);
            if (inverse) {
                // The child's own attribute (mappedBy) holds the association: point it at this object.
                if (ref.id != null) {
                    throw input(path, object.entityName(), name, "{\"id\": ...} would move an existing "
                            + simpleEntityName(elementType) + " row to this object, and seeding never changes"
                            + " existing rows: nest a new object here, or refer to one of the file by label.");
                }
                AttributeMapping back = elementType.findAttributeMapping(mappedBy);
                Ref parent = new Ref(path + "." + mappedBy, object.persister, null, null, object);
                pendingBackReferences.add(new BackReference(ref, back, parent, path, object));
            } else {
                refs.add(ref);
            }
        }
        if (!inverse) {
            links.add(new Link(object, target, plural, at, refs, collection));
        }
    }

    /** A child listed in its parent's inverse collection: its mappedBy attribute is set once labels are known. */
    private record BackReference(Ref child, AttributeMapping attribute, Ref parent, String path, SeedObject owner) {
    }

    private final List<BackReference> pendingBackReferences = new ArrayList<>();

    private Ref ref(JsonNode node, EntityPersister type, String path, SeedObject holder, boolean inCollection) {
        String example = "{\"@ref\": \"label\"}, {\"id\": ...} or a new " + simpleEntityName(type) + " object";
        if (!node.isObject()) {
            throw input(path, holder.entityName(), lastSegment(path), "expected a reference to a "
                    + simpleEntityName(type) + " (" + example + "), but found " + Values.found(node) + ".");
        }
        JsonNode label = node.get("@ref");
        if (label != null) {
            if (node.size() != 1 || !label.isTextual()) {
                throw input(path, holder.entityName(), lastSegment(path), "a reference by label is exactly"
                        + " {\"@ref\": \"label\"}, but found " + Values.found(node) + ".");
            }
            return new Ref(path, type, label.asText(), null, null);
        }
        String idName = type.getIdentifierMapping().getAttributeName();
        if (node.size() == 1 && (node.has("id") || node.has(idName))) {
            JsonNode id = node.has("id") ? node.get("id") : node.get(idName);
            return new Ref(path, type, null, explicitId(type, id, path), null);
        }
        // A new object nested right here; in a collection it belongs to the holder and is skipped with it.
        SeedObject nested = newObject(node, type, path, inCollection ? holder : null, true);
        return new Ref(path, type, null, null, nested);
    }

    private void resolveLabels() {
        for (Link link : links) {
            for (Ref ref : link.refs) {
                resolve(ref, link.holder == null ? null : link.holder.entityName(), link.attribute);
            }
        }
        for (BackReference back : pendingBackReferences) {
            resolve(back.child(), back.owner().entityName(), back.attribute());
            SeedObject child = back.child().object;
            links.add(new Link(child, child.instance, back.attribute(), back.path(), List.of(back.parent()), null));
        }
        for (Link link : links) {
            for (Ref ref : link.refs) {
                if (ref.object != null && ref.object != link.holder) {
                    link.holder.dependsOn.add(ref.object);
                }
            }
        }
    }

    private void resolve(Ref ref, String entity, AttributeMapping attribute) {
        String name = attribute == null ? null : attribute.getAttributeName();
        if (ref.label != null) {
            SeedObject target = labels.get(ref.label);
            if (target == null) {
                throw input(ref.path, entity, name, "no object of the file has the label \"" + ref.label + "\""
                        + nearLabels(ref.label) + ". Give the object \"@id\": \"" + ref.label + "\", or fix the"
                        + " reference.");
            }
            requireType(ref, target, entity, name);
            ref.object = target;
        } else if (ref.id != null) {
            // An explicit id of an object of the same file is a reference to that object.
            for (SeedObject candidate : objects) {
                if (ref.id.equals(candidate.explicitId)
                        && candidate.persister.getRootEntityName().equals(ref.type.getRootEntityName())) {
                    requireType(ref, candidate, entity, name);
                    ref.object = candidate;
                }
            }
        }
    }

    private void requireType(Ref ref, SeedObject target, String entity, String attribute) {
        if (!ref.type.isSubclassEntityName(target.persister.getEntityName())) {
            throw input(ref.path, entity, attribute, "the reference points at " + target + ", but " + attribute
                    + " holds a " + simpleEntityName(ref.type) + ".");
        }
    }

    private String nearLabels(String label) {
        List<String> near = labels.keySet().stream()
                .filter(l -> l.equalsIgnoreCase(label) || l.contains(label) || label.contains(l)).sorted().toList();
        return near.isEmpty() ? "" : " (similar labels: " + String.join(", ", near) + ")";
    }

    private static boolean isIdentifier(EntityPersister persister, String name) {
        EntityIdentifierMapping id = persister.getIdentifierMapping();
        return name.equals(id.getAttributeName());
    }

    private Object explicitId(EntityPersister persister, JsonNode value, String path) {
        EntityIdentifierMapping id = persister.getIdentifierMapping();
        if (!(id instanceof BasicEntityIdentifierMapping basic)) {
            throw input(path, simpleEntityName(persister), id.getAttributeName(), "composite ids cannot be given in"
                    + " a seed file yet.");
        }
        try {
            Object converted = Values.convert(value, basic.getJavaType().getJavaTypeClass(),
                    basic.getJavaType().getJavaTypeClass(), mapper);
            if (converted == null) {
                throw input(path, simpleEntityName(persister), id.getAttributeName(), "an id cannot be null: leave"
                        + " it out to let the entity's generator choose it.");
            }
            return converted;
        } catch (Values.Mismatch e) {
            throw input(path, simpleEntityName(persister), id.getAttributeName(), "expected " + e.getMessage() + ".");
        }
    }

    private void set(AttributeMapping attribute, Object target, Object value, SeedObject object, String at) {
        try {
            attribute.getPropertyAccess().getSetter().set(target, value);
        } catch (RuntimeException e) {
            throw input(at, object.entityName(), attribute.getAttributeName(), "Hibernate cannot set the value ("
                    + e.getMessage() + ").");
        }
    }

    private static Type elementType(Type collectionType) {
        if (collectionType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static String describe(ManagedMappingType type) {
        if (type instanceof EntityPersister persister) {
            return simpleEntityName(persister);
        }
        if (type instanceof org.hibernate.metamodel.mapping.EntityMappingType entity) {
            return simpleEntityName(entity.getEntityPersister());
        }
        return "The embeddable " + type.getJavaType().getJavaTypeClass().getSimpleName();
    }

    private static String attributeNames(ManagedMappingType type, EntityPersister persister, boolean entity) {
        List<String> names = new ArrayList<>();
        if (entity) {
            names.add(persister.getIdentifierMapping().getAttributeName());
        }
        type.forEachAttributeMapping(a -> {
            if (!entity || persister.getVersionMapping() == null
                    || persister.getVersionMapping().getVersionAttribute() != a) {
                names.add(a.getAttributeName());
            }
        });
        return String.join(", ", names);
    }

    private static String lastSegment(String path) {
        String trimmed = path.replaceAll("\\[\\d+]$", "");
        return trimmed.substring(trimmed.lastIndexOf('.') + 1);
    }

    SeedException input(String path, String entity, String attribute, String what) {
        return Problems.input(file, path, entity, attribute, what);
    }
}
