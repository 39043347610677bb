package dev.gen.core;

import dev.gen.run.ConnectionFactory;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections for a configuration and turns the driver's failures into advice. */
final class Connections {

    private Connections() {
    }

    static ConnectionFactory factory(GenConfig config) {
        return ConnectionFactory.of(config.url(), config.user(), config.password());
    }

    static Connection open(GenConfig config) {
        try {
            return factory(config).open();
        } catch (SQLException e) {
            throw failure(config, e);
        }
    }

    static GenException failure(GenConfig config, SQLException e) {
        String where = Secrets.redactUrl(config.url());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = Secrets.scrub(e.getMessage(), config.password(), config.url());
        String advice;
        if (state.equals("28P01") || state.equals("28000")) {
            advice = "PostgreSQL refused the credentials of user " + (config.user() == null ? "(from the URL)" : config.user())
                    + " at " + where + ". Check the user (--user, GEN_USER) and the password (--password-env,"
                    + " --password-file, GEN_PASSWORD or password in gen.properties).";
        } else if (state.equals("3D000")) {
            advice = "The database in " + where + " does not exist. Create it (createdb) or correct --url.";
        } else if (state.startsWith("08")) {
            advice = "Cannot connect to PostgreSQL at " + where + ". Check that the server runs and accepts TCP"
                    + " connections on that host and port (docker compose up -d starts the one in this repository),"
                    + " and that --url is right.";
        } else {
            advice = "Connecting to " + where + " failed.";
        }
        return new GenException(advice + " (" + detail + ")", ExitCodes.CONNECTION, null);
    }
}
