package dev.gen.spring;

import dev.gen.run.Migrator;
import dev.gen.run.MigrationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations when the context creates it, which is before the EntityManagerFactory (see
 * {@link GenAutoConfiguration}): Hibernate's {@code ddl-auto=validate} then finds the schema the entities need.
 * A failure stops the start-up with gen's message.
 */
public class GenMigrationInitializer implements InitializingBean {

    private final Migrator migrator;
    private final DataSource dataSource;
    private final GenProperties properties;

    public GenMigrationInitializer(Migrator migrator, DataSource dataSource, GenProperties properties) {
        this.migrator = migrator;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.isBaselineOnMigrate() && needsBaseline()) {
            String version = properties.getBaselineVersion();
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("gen.baseline-on-migrate is true and schema "
                        + properties.getSchemas().get(0) + " has tables but no gen history, yet gen.baseline-version"
                        + " is not set. Set it to the version (14 digits) of the newest migration the database"
                        + " already matches.");
            }
            migrator.baseline(version);
        }
        migrator.migrate();
    }

    /** Tables in the first schema and no applied migration: an existing database to adopt. */
    private boolean needsBaseline() {
        List<MigrationStatus> status = migrator.status();
        if (status.stream().anyMatch(s -> s.appliedAt() != null)) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename <> ?")) {
            s.setString(1, properties.getSchemas().get(0));
            s.setString(2, properties.getHistoryTable());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("gen cannot read the tables of schema " + properties.getSchemas().get(0)
                    + " for baseline-on-migrate: " + e.getMessage(), e);
        }
    }

    public Migrator migrator() {
        return migrator;
    }
}
