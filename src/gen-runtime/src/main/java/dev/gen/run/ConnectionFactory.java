package dev.gen.run;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the runner gets its connections. It opens two for a run: one that only holds the advisory lock, one for the
 * migrations, so a pool must allow two connections at once.
 */
public interface ConnectionFactory {

    /** A new connection; a failure's message holds no password. */
    Connection open() throws SQLException;

    /** The database for messages, never with a password. */
    String describe();

    static ConnectionFactory of(DataSource dataSource) {
        return new DataSourceConnectionFactory(dataSource);
    }

    /**
     * Connections from the JDBC driver. The password may be null (trust or pgpass authentication) or part of the
     * URL; it is kept out of every message either way.
     */
    static ConnectionFactory of(String url, String user, String password) {
        return new UrlConnectionFactory(url, user, password);
    }
}
