package dev.gen.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** Connections from an application's DataSource (a pool or a driver's own). */
final class DataSourceConnectionFactory implements ConnectionFactory {

    private final DataSource dataSource;

    DataSourceConnectionFactory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection open() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw Secrets.scrubbed(e, null);
        }
    }

    @Override
    public String describe() {
        return "the DataSource " + dataSource.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return describe();
    }
}
