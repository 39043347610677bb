package dev.gen.spring;

import dev.gen.run.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Applies gen's migrations at start-up, after the DataSource exists and before the EntityManagerFactory is built.
 * Class names are given for both Spring Boot lines: 3.5 keeps its auto-configurations in spring-boot-autoconfigure,
 * 4.0 in modules of their own (spring-boot-jdbc, spring-boot-hibernate).
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        beforeName = {"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnProperty(prefix = "gen", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(GenProperties.class)
public class GenAutoConfiguration {

    /** The bean every EntityManagerFactory depends on. */
    public static final String INITIALIZER = "genMigrationInitializer";

    @Bean(name = INITIALIZER)
    @ConditionalOnMissingBean(GenMigrationInitializer.class)
    public GenMigrationInitializer genMigrationInitializer(GenProperties properties,
            @GenDataSource ObjectProvider<DataSource> genDataSource, ObjectProvider<DataSource> dataSource) {
        if (!properties.isValidateOnMigrate()) {
            throw new IllegalStateException("gen.validate-on-migrate=false is not supported: gen never applies"
                    + " migrations over a history it disagrees with. Remove the property; after fixing the database"
                    + " by hand, run gen migration:repair.");
        }
        DataSource source = genDataSource.getIfAvailable(dataSource::getIfUnique);
        if (source == null) {
            throw new IllegalStateException("gen found several DataSources and none marked @GenDataSource (or"
                    + " @Primary). Mark the one gen migrates with @GenDataSource, or set gen.enabled=false.");
        }
        // the application's packages first, then those library jars declare in META-INF/gen/locations
        java.util.Set<String> locations = new java.util.LinkedHashSet<>(properties.getLocations());
        locations.addAll(Migrator.declaredLocations(org.springframework.util.ClassUtils.getDefaultClassLoader()));
        Migrator migrator = Migrator.configure(source)
                .packages(locations.toArray(String[]::new))
                .historyTable(properties.getSchemas().get(0), properties.getHistoryTable())
                .lockWait(properties.getLockWait())
                .outOfOrder(properties.isOutOfOrder());
        return new GenMigrationInitializer(migrator, source, properties);
    }

    @Bean
    static EntityManagerFactoryDependsOnGen genEntityManagerFactoryDependsOn() {
        return new EntityManagerFactoryDependsOnGen(INITIALIZER);
    }
}
