package dev.gen.hibernate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.hibernate.boot.internal.MetadataImpl;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;

/**
 * The session factory creates each attribute's value generator ({@code @CreationTimestamp}, {@code @UpdateTimestamp},
 * {@code @CurrentTimestamp}, {@code @Generated}, ...) while it builds the runtime model, and some of them change the
 * relational model as they are created: the timestamp generators make their column NOT NULL. A database that
 * Hibernate created through a session factory has those columns so; gen creates the same generators, the way
 * {@code EntityMetamodel} does, on the boot metadata, through a creation context that answers only what a
 * generator may ask before a session factory exists (the metadata, the bootstrap context, the default namespace and
 * the SQL string context). A generator that needs more (a session factory) is left out: it cannot change the schema
 * through what this context offers.
 */
final class AttributeGenerators {

    private AttributeGenerators() {
    }

    static void create(MetadataImplementor metadata, SqlStringGenerationContext sqlContext) {
        if (!(metadata instanceof MetadataImpl impl)) {
            return;
        }
        RuntimeModelCreationContext context = context(impl, sqlContext);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (Property property : entity.getPropertyClosure()) {
                if (property.getValueGeneratorCreator() != null) {
                    create(property, context);
                } else if (property.getValue() instanceof Component component) {
                    for (Property nested : component.getProperties()) {
                        create(nested, context);
                    }
                }
            }
        }
    }

    private static void create(Property property, RuntimeModelCreationContext context) {
        if (property.getValueGeneratorCreator() == null) {
            return;
        }
        try {
            property.createGenerator(context);
        } catch (UnsupportedOperationException e) {
            // the generator needs the running session factory; it cannot reach the relational model from here
        }
    }

    private static RuntimeModelCreationContext context(MetadataImpl metadata, SqlStringGenerationContext sqlContext) {
        SessionFactoryOptions options = proxy(SessionFactoryOptions.class, (self, method, args) -> switch (method.getName()) {
            case "getDefaultCatalog" -> sqlContext.getDefaultCatalog() == null ? null : sqlContext.getDefaultCatalog().render();
            case "getDefaultSchema" -> sqlContext.getDefaultSchema() == null ? null : sqlContext.getDefaultSchema().render();
            default -> unsupported(method.getName());
        });
        return proxy(RuntimeModelCreationContext.class, (self, method, args) -> switch (method.getName()) {
            case "getBootModel", "getMetadata" -> metadata;
            case "getBootstrapContext" -> metadata.getBootstrapContext();
            case "getTypeConfiguration" -> metadata.getTypeConfiguration();
            case "getDialect" -> metadata.getDatabase().getDialect();
            case "getSessionFactoryOptions" -> options;
            case "getSqlStringGenerationContext" -> sqlContext;
            case "getServiceRegistry" -> metadata.getMetadataBuildingOptions().getServiceRegistry();
            default -> unsupported(method.getName());
        });
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        InvocationHandler guarded = (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> type.getSimpleName() + " for gen's attribute generators";
                };
            }
            return handler.invoke(self, method, args);
        };
        return type.cast(Proxy.newProxyInstance(AttributeGenerators.class.getClassLoader(), new Class<?>[] {type},
                guarded));
    }
}
