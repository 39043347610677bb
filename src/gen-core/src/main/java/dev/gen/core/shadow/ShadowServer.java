package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL server a shadow database is created on, and the connection gen issues {@code CREATE DATABASE}
 * and {@code DROP DATABASE} from. By default the target's own server, reached through the target's URL (any
 * database of a server can create another one; nothing is read or written in it). With {@code --shadow-url}, the
 * server and maintenance database that URL names; the credentials stay the target's unless the URL carries its own
 * {@code user=} and {@code password=} parameters.
 *
 * <p>A second source of servers (an embedded PostgreSQL when the target's refuses, issue 17) only has to produce
 * one of these: {@link ShadowDatabase#create} does the rest.
 *
 * <p>Not a record: a record's {@code toString} would print the password.
 */
public final class ShadowServer {

    private final String maintenanceUrl;
    private final String user;
    private final String password;
    private final boolean explicit;

    public ShadowServer(String maintenanceUrl, String user, String password, boolean explicit) {
        this.maintenanceUrl = maintenanceUrl;
        this.user = user;
        this.password = password;
        this.explicit = explicit;
    }

    /** The server of {@code shadowUrl} when given, otherwise the target's. */
    public static ShadowServer forTarget(GenConfig target, String shadowUrl) {
        if (shadowUrl == null || shadowUrl.isBlank()) {
            return new ShadowServer(target.url(), target.user(), target.password(), false);
        }
        if (!shadowUrl.startsWith("jdbc:postgresql:")) {
            throw new GenException("The shadow URL " + Secrets.redactUrl(shadowUrl) + " is not a PostgreSQL JDBC URL;"
                    + " --shadow-url (GEN_SHADOW_URL, shadow-url=) names a server where gen may create and drop its"
                    + " scratch database, for example jdbc:postgresql://localhost:5432/postgres.", ExitCodes.USAGE);
        }
        return new ShadowServer(shadowUrl.strip(), target.user(), target.password(), true);
    }

    /** A connection to the maintenance database, for CREATE and DROP DATABASE and the leftovers' catalog. */
    Connection maintenance() throws SQLException {
        return connect(maintenanceUrl);
    }

    Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "gen shadow");
        return DriverManager.getConnection(url, properties);
    }

    /** The JDBC URL of database {@code name} on this server. */
    String urlOf(String name) {
        return JdbcUrls.withDatabase(maintenanceUrl, name);
    }

    /** The database the maintenance URL names (the target's, unless --shadow-url), to name the shadow after. */
    String maintenanceDatabase() {
        return JdbcUrls.databaseOf(maintenanceUrl);
    }

    boolean explicit() {
        return explicit;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** For messages: the URL without any password. */
    String describe() {
        return Secrets.redactUrl(maintenanceUrl) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return describe();
    }
}
