package dev.gen.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Creates the schema of an entity model in a database with Hibernate's own schema export
 * ({@code jakarta.persistence.schema-generation.database.action=create}): the oracle gen's migrations must
 * reproduce. Schemas named by the mapping are created too, and any error fails the export
 * ({@code hibernate.hbm2ddl.halt_on_error}; otherwise Hibernate logs a failing statement and carries on).
 *
 * <p>{@link #create} boots through Jakarta Persistence, as applications do ({@code ddl-auto=create} and the
 * persistence unit's create action take that path); {@link #createWithMetadataSources} exports the native metadata
 * without a session factory, so without Hibernate's column ordering, as a database some other way made.
 */
public final class HibernateSchemaExport {

    private HibernateSchemaExport() {
    }

    private static final Map<String, Object> CREATE = Map.of(
            "jakarta.persistence.schema-generation.database.action", "create",
            "jakarta.persistence.create-database-schemas", "true",
            "hibernate.hbm2ddl.create_namespaces", "true",
            "hibernate.hbm2ddl.halt_on_error", "true");

    public static void create(List<Path> classes, Map<String, String> settings, TestDatabase database) {
        HibernateSchemaTool.process(classes, settings, database, CREATE);
    }

    public static void createWithMetadataSources(List<Path> classes, Map<String, String> settings,
            TestDatabase database) {
        HibernateSchemaTool.processWithMetadataSources(classes, settings, database, CREATE);
    }
}
