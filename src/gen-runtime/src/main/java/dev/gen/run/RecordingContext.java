package dev.gen.run;

import dev.gen.api.MigrationContext;
import java.util.ArrayList;
import java.util.List;

/** A context that only collects statements, so that a migration can be checksummed without a database. */
final class RecordingContext implements MigrationContext {

    private final List<String> statements = new ArrayList<>();

    @Override
    public void execute(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a migration executed an empty statement");
        }
        statements.add(sql);
    }

    /** A data migration asks for the connection: it cannot be recorded, gen will run its code instead. */
    @Override
    public java.sql.Connection connection() {
        throw new UsesConnection();
    }

    /** Thrown out of a migration's up or down while recording, when it asks for the connection. */
    static final class UsesConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsesConnection() {
            super("recording stops here: this migration uses the connection", null, false, false);
        }
    }

    List<String> statements() {
        return List.copyOf(statements);
    }
}
