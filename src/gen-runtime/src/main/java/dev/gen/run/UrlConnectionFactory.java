package dev.gen.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/** Connections from a JDBC URL. Not a record: a record's toString would print the password. */
final class UrlConnectionFactory implements ConnectionFactory {

    private final String url;
    private final String user;
    private final String password;

    UrlConnectionFactory(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection open() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String lowerUrl = url.toLowerCase(java.util.Locale.ROOT);
        if (!lowerUrl.contains("applicationname=")) {
            // Names gen in pg_stat_activity, so that whoever waits for the lock sees who holds it.
            properties.setProperty("ApplicationName", "gen");
        }
        if (!lowerUrl.contains("assumeminserverversion=")) {
            // Any server gen works with is 9.0 or later; saying so lets the driver put the application name and
            // its session settings into the startup packet instead of sending SET statements after it, one round
            // trip each.
            properties.setProperty("assumeMinServerVersion", "9.0");
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw Secrets.scrubbed(e, password, url);
        }
    }

    @Override
    public String describe() {
        return Secrets.scrub(url, password, url) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return describe();
    }
}
