package dev.gen.seed;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Inserts the new objects, in order, in JDBC batches of one entity. An object with an explicit id keeps it
 * (Hibernate's upsert writes the row as given, discriminator and all joined tables included; the row was checked
 * to be absent); the entity's sequence, or its identity column's, is first moved past the largest explicit id, so
 * that neither this run's generated ids nor the application's next ones collide with it.
 */
final class Inserter {

    private static final int BATCH = 100;
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");

    private final SeedGraph graph;
    private final StatelessSession session;
    private final SessionFactoryImplementor factory;

    Inserter(SeedGraph graph, StatelessSession session, SessionFactoryImplementor factory) {
        this.graph = graph;
        this.session = session;
        this.factory = factory;
    }

    Map<String, Integer> insert(List<SeedObject> ordered) {
        List<SeedObject> toInsert = ordered.stream().filter(o -> !o.skipped()).toList();
        moveGeneratorsPastExplicitIds(toInsert);
        Map<String, Integer> counts = SeedLoader.newCounts();
        List<SeedObject> run = new ArrayList<>();
        for (SeedObject object : toInsert) {
            if (!run.isEmpty() && !sameBatch(run.get(0), object)) {
                flush(run, counts);
            }
            run.add(object);
        }
        flush(run, counts);
        return counts;
    }

    /** One entity and one way (insert or upsert), and no object that refers to one of the run. */
    private static boolean sameBatch(SeedObject first, SeedObject next) {
        return first.persister == next.persister && upserted(first) == upserted(next)
                && !next.dependsOn.contains(first);
    }

    private static boolean upserted(SeedObject object) {
        return object.explicitId != null && object.persister.getGenerator().generatesOnInsert();
    }

    private void flush(List<SeedObject> run, Map<String, Integer> counts) {
        for (List<SeedObject> chunk : SeedLoader.chunks(run, BATCH)) {
            List<Object> instances = chunk.stream().map(o -> o.instance).toList();
            try {
                if (upserted(chunk.get(0))) {
                    session.upsertMultiple(instances);
                } else if (instances.size() == 1) {
                    session.insert(instances.get(0));
                } else {
                    session.insertMultiple(instances);
                }
            } catch (RuntimeException e) {
                throw failure(chunk, e);
            }
            SeedLoader.count(counts, chunk.get(0).entityName(), chunk.size());
        }
        run.clear();
    }

    private void moveGeneratorsPastExplicitIds(List<SeedObject> objects) {
        Map<EntityPersister, Long> largest = new HashMap<>();
        for (SeedObject object : objects) {
            if (object.explicitId == null || !object.persister.getGenerator().generatesOnInsert()) {
                continue;
            }
            EntityPersister root = factory.getMappingMetamodel()
                    .getEntityDescriptor(object.persister.getRootEntityName());
            if (!(object.explicitId instanceof Number number)) {
                continue; // UUIDs and other generated values have no counter to move
            }
            largest.merge(root, number.longValue(), Math::max);
        }
        for (Map.Entry<EntityPersister, Long> entry : largest.entrySet()) {
            moveGenerator(entry.getKey(), entry.getValue());
        }
    }

    private void moveGenerator(EntityPersister root, long largestId) {
        Generator generator = root.getGenerator();
        String sql;
        List<String> names = new ArrayList<>();
        if (generator instanceof SequenceStyleGenerator sequence
                && sequence.getDatabaseStructure().isPhysicalSequence()) {
            names.add(factory.getSqlStringGenerationContext().format(sequence.getDatabaseStructure()
                    .getPhysicalName()));
            // The sequence's last value becomes at least the largest explicit id; with a pooled optimizer the next
            // block Hibernate takes then starts above it (its upper bound is last value plus the increment).
            sql = "SELECT setval(s::regclass, greatest(?, coalesce(pg_sequence_last_value(s::regclass), 0)))"
                    + " FROM (SELECT CAST(? AS text) AS s) q";
        } else if (generator.generatedOnExecution() && root instanceof AbstractEntityPersister entity) {
            names.add(entity.getTableName());
            names.add(unquote(entity.getIdentifierColumnNames()[0]));
            sql = "SELECT setval(s::regclass, greatest(?, coalesce(pg_sequence_last_value(s::regclass), 0)))"
                    + " FROM (SELECT pg_get_serial_sequence(?, ?) AS s) q WHERE s IS NOT NULL";
        } else {
            throw Problems.input(graph.file, "$." + SeedGraph.simpleEntityName(root), SeedGraph.simpleEntityName(root),
                    root.getIdentifierMapping().getAttributeName(), "objects give explicit ids, but the entity's id"
                    + " generator (" + generator.getClass().getSimpleName() + ") is neither a sequence nor an"
                    + " identity column, so gen cannot move it past them and the application's next insert could"
                    + " collide: leave the ids out and let the generator choose them.");
        }
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, largestId);
                for (int i = 0; i < names.size(); i++) {
                    statement.setString(i + 2, names.get(i));
                }
                statement.execute();
            }
        });
    }

    private static String unquote(String column) {
        return column.startsWith("\"") && column.endsWith("\"") ? column.substring(1, column.length() - 1)
                .replace("\"\"", "\"") : column;
    }

    /** The database refused a row: name the constraint, the row's values and the object of the file. */
    private SeedException failure(List<SeedObject> chunk, RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return Problems.input(graph.file, chunk.get(0).path, chunk.get(0).entityName(), null,
                    "Hibernate refused the object: " + e.getMessage() + ".");
        }
        SeedObject culprit = chunk.get(0);
        String culpritText = String.valueOf(culprit);
        Matcher entry = BATCH_ENTRY.matcher(String.valueOf(sql.getMessage()));
        if (entry.find()) {
            int index = Integer.parseInt(entry.group(1));
            if (index < chunk.size()) {
                culprit = chunk.get(index);
                culpritText = culprit.toString();
            }
        } else if (chunk.size() > 1) {
            culpritText = "one of " + chunk.size() + " " + culprit.entityName() + " objects from " + culprit.path;
        }
        SQLException server = sql;
        while (!(server instanceof PSQLException) && server.getNextException() != null) {
            server = server.getNextException();
        }
        if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
            server = sql.getNextException();
        }
        ServerErrorMessage detail = server instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = server.getSQLState() == null ? "" : server.getSQLState();
        String what = detail == null ? server.getMessage() : detail.getMessage()
                + (detail.getDetail() == null ? "" : " (" + detail.getDetail() + ")");
        String constraint = detail == null || detail.getConstraint() == null ? ""
                : " the constraint " + detail.getConstraint() + (detail.getTable() == null ? ""
                        : " on " + detail.getTable()) + ":";
        SeedException.Kind kind = state.startsWith("23") ? SeedException.Kind.CONSTRAINT : SeedException.Kind.INPUT;
        return new SeedException(kind, "Cannot seed from " + graph.file + ": inserting " + culpritText + " failed:"
                + constraint + " " + what + ". Fix the object in the file (or the row it collides with); the"
                + " transaction was rolled back and nothing was inserted.", e);
    }
}
