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

    List<String> statements() {
        return List.copyOf(statements);
    }
}
