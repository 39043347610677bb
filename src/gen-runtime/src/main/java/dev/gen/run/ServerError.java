package dev.gen.run;

import java.lang.reflect.Method;
import java.sql.SQLException;

/**
 * The server's message, detail and hint of a PostgreSQL error, read without compiling against the driver: the
 * runtime depends on the JDK only, and the application brings its own driver. The PostgreSQL driver's
 * {@code PSQLException.getServerErrorMessage()} is looked up by name; any other exception (or a driver without it)
 * gives {@code null}, and the caller falls back to the exception's message.
 */
record ServerError(String message, String detail, String hint) {

    static ServerError of(SQLException e) {
        try {
            Method accessor = e.getClass().getMethod("getServerErrorMessage");
            Object server = accessor.invoke(e);
            if (server == null) {
                return null;
            }
            String message = text(server, "getMessage");
            return message == null ? null : new ServerError(message, text(server, "getDetail"), text(server, "getHint"));
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }

    private static String text(Object server, String getter) throws ReflectiveOperationException {
        Object value = server.getClass().getMethod(getter).invoke(server);
        return value == null ? null : value.toString();
    }
}
