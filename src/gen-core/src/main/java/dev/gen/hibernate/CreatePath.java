package dev.gen.hibernate;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * What Hibernate applies to its boot metadata when it builds the session factory of an application whose
 * schema it creates ({@code spring.jpa.hibernate.ddl-auto=create}, a {@code jakarta.persistence.schema-generation}
 * create action or create script), and which {@code MetadataSources.buildMetadata()} alone does not:
 * <ul>
 *   <li>the column-ordering strategy ({@code hibernate.column_ordering_strategy}, {@code standard} by default):
 *       table columns, composite primary keys, and the foreign keys that reference those keys are reordered to
 *       reduce alignment padding; {@code legacy} keeps the mapping's order. {@code SessionFactoryImpl} calls
 *       {@code orderColumns(false)}, which orders tables only when a create action is configured; gen always
 *       describes the schema the create path makes, so it forces the ordering (the strategy still decides);</li>
 *   <li>the attribute value generators the session factory creates with its runtime model, some of which change
 *       the relational model ({@code @CreationTimestamp} and {@code @UpdateTimestamp} make their column NOT NULL),
 *       see {@link AttributeGenerators};</li>
 *   <li>the mapping validation the session factory runs next ({@code Metadata.validate()}), so a model the
 *       application could not start with is refused here too.</li>
 * </ul>
 * Hibernate itself does both, on the metadata; gen re-implements neither. See docs/COVERAGE.md for what else the
 * bootstraps apply.
 */
final class CreatePath {

    private CreatePath() {
    }

    static void apply(Metadata metadata) {
        if (!(metadata instanceof MetadataImplementor implementor)) {
            throw new IllegalStateException("Hibernate built metadata of an unexpected type " + metadata.getClass());
        }
        implementor.orderColumns(true);
        Database database = implementor.getDatabase();
        AttributeGenerators.create(implementor, SqlStringGenerationContextImpl.fromConfigurationMap(
                database.getJdbcEnvironment(), database, implementor.getMetadataBuildingOptions().getServiceRegistry()
                        .requireService(ConfigurationService.class).getSettings()));
        // a MappingException here reaches the caller's "Hibernate rejected the entity model" message
        implementor.validate();
    }
}
