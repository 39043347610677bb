package dev.gen.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Creates the schema of an entity model in a database with Hibernate's own schema export
 * ({@code jakarta.persistence.schema-generation.database.action=create}): the oracle gen's migrations must
 * reproduce. Schemas named by the mapping are created too, and any error fails the export.
 */
public final class HibernateSchemaExport {

    private HibernateSchemaExport() {
    }

    public static void create(List<Path> classes, Map<String, String> settings, TestDatabase database) {
        HibernateSchemaTool.process(classes, settings, database, Map.of(
                "jakarta.persistence.schema-generation.database.action", "create",
                "jakarta.persistence.create-database-schemas", "true",
                "hibernate.hbm2ddl.create_namespaces", "true",
                "hibernate.hbm2ddl.halt_on_error", "true"));
    }
}
