package dev.gen.core.shadow;

import dev.gen.core.ExitCodes;
import dev.gen.core.GenConfig;
import dev.gen.core.GenException;
import dev.gen.core.HazardReport;
import dev.gen.core.ShadowAccess;
import dev.gen.diff.Change;
import dev.gen.model.Schema;
import dev.gen.pg.RenderOptions;
import dev.gen.pg.SqlRenderer;
import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Planner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code migration:drift}: the target's schema compared with the one its applied history builds, replayed in a
 * shadow database. Only reads the target (its catalog and history table).
 */
public final class Drift {

    private Drift() {
    }

    /**
     * What the target holds that its history does not build, and the schemas compared.
     *
     * @param differences the changes that turn a database built from the history into the target, in plan order
     * @param destructive those among them that remove something the history built (the target lacks it)
     * @param history the schema the applied history builds
     * @param live the target's schema
     * @param applied how many applied migrations were replayed
     */
    public record Report(List<Change> differences, List<Change> destructive, Schema history, Schema live,
            int applied, Duration duration) {
        public Report {
            differences = List.copyOf(differences);
            destructive = List.copyOf(destructive);
        }

        public boolean drifted() {
            return !differences.isEmpty();
        }

        /** The differences as front ends print them, in plan order. */
        public List<Difference> entries() {
            return differences.stream().map(change -> new Difference(HazardReport.kind(change),
                    change.table() == null ? null : change.table().toString(), change.describe(),
                    destructive.contains(change))).toList();
        }
    }

    /**
     * One difference, printable.
     *
     * @param kind the change's stable name, as in the JSON report ({@code add-column})
     * @param table the table it concerns, or null
     * @param description what it changes
     * @param destructive whether the target lacks what the history built
     */
    public record Difference(String kind, String table, String description, boolean destructive) {
    }

    public static Report detect(GenConfig target, ShadowServer server) {
        long start = System.nanoTime();
        History history = History.load(target);
        return detect(target, server, history, start, null);
    }

    /** As {@link #detect(GenConfig, ShadowServer)}, keeping the shadow open for {@code whileOpen} (adopt). */
    static Report detect(GenConfig target, ShadowServer server, History history, long start, ShadowUse whileOpen) {
        Set<String> applied = history.appliedOnTarget();
        Schema live;
        try (Connection connection = ShadowAccess.connections(target).open()) {
            live = ShadowAccess.readSchema(target, connection);
        } catch (SQLException e) {
            throw ShadowAccess.connectionFailure(target, e);
        }
        try (ShadowDatabase shadow = ShadowDatabase.create(server)) {
            history.replay(shadow, history.only(applied));
            Schema built;
            try (Connection connection = shadow.connect()) {
                built = ShadowAccess.readSchema(target, connection);
            } catch (SQLException e) {
                throw new GenException("Cannot read the schema of the shadow database " + shadow.name() + ": "
                        + e.getMessage(), ExitCodes.CONNECTION, e);
            }
            Plan plan = plan(built, live);
            List<Change> differences = plan.steps().stream().map(dev.gen.plan.Step::change).toList();
            List<Change> destructive = plan.steps().stream()
                    .filter(step -> removes(step.change()) || step.hazards().contains(Hazard.DESTRUCTIVE))
                    .map(dev.gen.plan.Step::change).toList();
            Report report = new Report(differences, destructive, built, live, applied.size(),
                    Duration.ofNanos(System.nanoTime() - start));
            if (whileOpen != null) {
                whileOpen.accept(shadow, report);
            }
            return report;
        }
    }

    /** The statements that turn {@code built} into {@code live}: the up of an adopting migration. */
    static Plan plan(Schema built, Schema live) {
        return new Planner(new SqlRenderer(new RenderOptions(false))).plan(Differences.changes(built, live), built,
                Map.of(), Map.of());
    }

    /**
     * True for a change that takes away something the history built: the target lacks a table, column, key, index,
     * check, sequence, type or schema. Adopting one makes the history forget it, which must never happen silently.
     */
    static boolean removes(Change change) {
        return change instanceof Change.DropSchema || change instanceof Change.DropTable
                || change instanceof Change.DropColumn || change instanceof Change.DropPrimaryKey
                || change instanceof Change.DropForeignKey || change instanceof Change.DropUniqueKey
                || change instanceof Change.DropIndex || change instanceof Change.DropCheck
                || change instanceof Change.DropSequence || change instanceof Change.DropEnumType;
    }

    /** Work done in the shadow while the drift's history is still there. */
    interface ShadowUse {
        void accept(ShadowDatabase shadow, Report report);
    }
}
