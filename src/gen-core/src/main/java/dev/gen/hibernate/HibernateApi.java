package dev.gen.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.InitCommand;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;

/**
 * The calls of this package whose signature differs between the Hibernate versions it runs on (gen's own 7.4, or an
 * application's 6.6 to 7.x in isolation, see {@link IsolatedHibernate}). Each is looked up by name once, on the
 * Hibernate this copy of the class links to; every other call is the same in all of them and stays plain Java.
 * <ul>
 *   <li>{@code Column.getSqlType}/{@code getSqlTypeCode}: take {@code Metadata} in 6.6, {@code MappingContext}
 *       (which {@code Metadata} implements) from 7.0;</li>
 *   <li>records from 7.0: {@code Namespace.Name.schema()} and {@code InitCommand.initCommands()} were
 *       {@code getSchema()} and {@code getInitCommands()} in 6.6;</li>
 *   <li>{@code Table.getForeignKeyCollection()} is 7.0's; 6.6 has the map {@code getForeignKeys()};</li>
 *   <li>{@code getOptions()} of tables, indexes and foreign keys (Jakarta Persistence 3.2's {@code options}) is
 *       7.0's: 6.6 has none to give, so there are none.</li>
 * </ul>
 * Each is tested on every supported version by {@code boot.ApplicationHibernateVersionsTest}.
 */
final class HibernateApi {

    private static final Method SQL_TYPE = columnMethod("getSqlType");
    private static final Method SQL_TYPE_CODE = columnMethod("getSqlTypeCode");

    private HibernateApi() {
    }

    static String sqlType(Column column, Metadata metadata) {
        return (String) invoke(SQL_TYPE, column, metadata);
    }

    static int sqlTypeCode(Column column, Metadata metadata) {
        return (Integer) invoke(SQL_TYPE_CODE, column, metadata);
    }

    static Identifier schema(Namespace.Name name) {
        return (Identifier) invoke(method(Namespace.Name.class, "schema", "getSchema").orElseThrow(), name);
    }

    static List<String> initCommands(InitCommand command) {
        return List.of((String[]) invoke(method(InitCommand.class, "initCommands", "getInitCommands").orElseThrow(),
                command));
    }

    @SuppressWarnings("unchecked")
    static Collection<ForeignKey> foreignKeys(Table table) {
        Optional<Method> collection = method(Table.class, "getForeignKeyCollection");
        if (collection.isPresent()) {
            return (Collection<ForeignKey>) invoke(collection.get(), table);
        }
        return ((Map<?, ForeignKey>) invoke(method(Table.class, "getForeignKeys").orElseThrow(), table)).values();
    }

    /** The {@code options} of a table, index or foreign key, or null where the version has none. */
    static String options(Object tableIndexOrKey) {
        return method(tableIndexOrKey.getClass(), "getOptions").map(get -> (String) invoke(get, tableIndexOrKey))
                .orElse(null);
    }

    private static final Map<String, Optional<Method>> METHODS = new ConcurrentHashMap<>();

    /** The first of the no-argument methods named that the type has. */
    private static Optional<Method> method(Class<?> type, String... names) {
        return METHODS.computeIfAbsent(type.getName() + "#" + String.join(",", names), key -> {
            for (String name : names) {
                try {
                    return Optional.of(type.getMethod(name));
                } catch (NoSuchMethodException e) {
                    // not this version's name
                }
            }
            return Optional.empty();
        });
    }

    /** The one-argument overload whose parameter a {@code Metadata} is: {@code MappingContext} or {@code Metadata}. */
    private static Method columnMethod(String name) {
        for (Method method : Column.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(Metadata.class)) {
                return method;
            }
        }
        throw new IllegalStateException("Hibernate " + org.hibernate.Version.getVersionString() + " has no "
                + Column.class.getName() + "." + name + " that takes its Metadata");
    }

    /** Calls the method, throwing what it throws as it is. */
    static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
