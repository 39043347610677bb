package dev.gen.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs Hibernate's {@code SchemaValidator} ({@code hibernate.hbm2ddl.auto=validate}) for an entity model
 * against a database; throws Hibernate's {@code SchemaManagementException} when the database does not hold
 * what the entities need.
 */
public final class HibernateSchemaValidator {

    private HibernateSchemaValidator() {
    }

    public static void validate(List<Path> classes, Map<String, String> settings, TestDatabase database) {
        HibernateSchemaTool.process(classes, settings, database, Map.of("hibernate.hbm2ddl.auto", "validate"));
    }
}
