package dev.gen.run;

import dev.gen.api.Migration;
import dev.gen.api.MigrationContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The context of a data migration that uses the connection: gen runs its code on the work connection, in the
 * transaction the runner opened. The connection it hands out refuses to end or change that transaction.
 */
final class LiveContext implements MigrationContext {

    /** The one statement recorded for the up or down of a migration that runs its own code, as show lists it. */
    static final String UP_MARKER = "-- up() runs Java code on the migration's connection";
    static final String DOWN_MARKER = "-- down() runs Java code on the migration's connection";

    private static final Set<String> REFUSED = Set.of("commit", "rollback", "setAutoCommit", "close", "abort");

    private final Connection connection;
    private final Connection guarded;

    LiveContext(Connection connection) {
        this.connection = connection;
        this.guarded = guard(connection);
    }

    /** Whether these recorded statements stand for code that must run with the connection. */
    static boolean isLive(LoadedMigration migration, List<String> statements) {
        return migration.code() != null && statements.size() == 1
                && (statements.get(0).equals(UP_MARKER) || statements.get(0).equals(DOWN_MARKER));
    }

    /** Runs the migration's up (or down, for the down marker) on the connection. */
    static void run(LoadedMigration migration, List<String> statements, Connection connection)
            throws StatementFailure {
        boolean up = statements.get(0).equals(UP_MARKER);
        Migration code = migration.code();
        String what = (up ? "up()" : "down()") + " of " + migration.id() + " (Java code on the connection)";
        try {
            if (up) {
                code.up(new LiveContext(connection));
            } else {
                code.down(new LiveContext(connection));
            }
        } catch (SQLException e) {
            throw new StatementFailure(1, 1, what, e);
        } catch (RuntimeException e) {
            throw new StatementFailure(1, 1, what, new SQLException(e.toString(), e));
        }
    }

    @Override
    public void execute(String sql) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a migration executed an empty statement");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public Connection connection() {
        return guarded;
    }

    private static Connection guard(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (REFUSED.contains(method.getName()) && (args == null || args.length == 0
                    || method.getName().equals("setAutoCommit") || method.getName().equals("abort"))) {
                throw new SQLException("A migration may not call Connection." + method.getName() + "(): gen owns"
                        + " the migration's transaction and commits it together with the history record. Throw an"
                        + " exception to make the migration fail and roll back.");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }
}
