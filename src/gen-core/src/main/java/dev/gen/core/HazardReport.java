package dev.gen.core;

import dev.gen.diff.Change;
import dev.gen.model.TableStats;
import dev.gen.plan.Hazard;
import dev.gen.plan.Lock;
import dev.gen.plan.Plan;
import dev.gen.plan.Refusal;
import dev.gen.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code generate --format json}: the changes with their hazard classes, locks, the guard's verdict and the
 * statements, for tools that annotate pull requests. The document is part of gen's interface: its schema is in
 * the README ("The JSON report"), {@link #VERSION} changes when a field changes meaning or goes away, and every
 * name in it is spelled out here, never derived from a Java class name (pinned by {@code JsonReportGoldenTest}).
 */
public final class HazardReport {

    /** The document's version: 1 is the first with locks, sizes, verdicts and the down direction. */
    public static final int VERSION = 1;

    /** Every kind of change by its stable name in the document. */
    private static final Map<Class<? extends Change>, String> KINDS = kinds();

    private HazardReport() {
    }

    /** @param refusals the guard's verdicts: the steps whose change is refused, with what each needs */
    public static String json(String migration, String file, Plan plan, List<Refusal> refusals) {
        return json(migration, file, List.of(), plan, refusals);
    }

    /**
     * @param parts every migration generated, in the order they run: one, or the parts of a plan split by the lock
     *     budget; {@code migration} and {@code file} are the first
     */
    static String json(String migration, String file, List<GenerateResult.Migration> parts, Plan plan,
            List<Refusal> refusals) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", VERSION);
        document.put("migration", migration);
        document.put("file", file);
        List<Object> migrations = new ArrayList<>();
        for (GenerateResult.Migration part : parts) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("migration", part.className());
            entry.put("file", part.file() == null ? null : part.file().toString());
            migrations.add(entry);
        }
        document.put("parts", migrations);
        document.put("transactional", plan.transactional());
        document.put("hazards", labels(plan.hazards()));
        document.put("downHazards", labels(plan.downHazards()));
        document.put("refusedChanges", (int) plan.steps().stream().filter(step -> refusal(step, refusals) != null).count());
        List<Object> changes = new ArrayList<>();
        for (Step step : plan.steps()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("kind", kind(step.change()));
            change.put("table", step.change().table() == null ? null : step.change().table().toString());
            change.put("description", step.change().describe());
            change.put("hazards", labels(step.hazards()));
            change.put("lock", lock(step.upRisk().lock()));
            change.put("tableSize", size(step));
            Refusal refusal = refusal(step, refusals);
            change.put("verdict", refusal == null ? "allowed" : "refused");
            change.put("refused", refusal == null ? null : refused(refusal));
            change.put("dataRestoredByDown", step.dataRestored());
            change.put("downHazards", labels(step.downHazards()));
            change.put("downLock", lock(step.downRisk().lock()));
            change.put("up", List.copyOf(step.up()));
            change.put("down", List.copyOf(step.down()));
            changes.add(change);
        }
        document.put("changes", changes);
        return Json.write(document);
    }

    /** The guard's refusal of the step's change, or null when the migration may contain it as it is. */
    static Refusal refusal(Step step, List<Refusal> refusals) {
        return refusals.stream().filter(r -> r.change().equals(step.change())).findFirst().orElse(null);
    }

    /** {@code add-column}: the stable name of a change's kind. */
    public static String kind(Change change) {
        String kind = KINDS.get(change.getClass());
        if (kind == null) {
            throw new IllegalStateException("No report name for the change kind " + change.getClass().getName());
        }
        return kind;
    }

    /** The stable names, by kind: a new kind of {@link Change} must get one (a test walks the permitted ones). */
    public static Map<Class<? extends Change>, String> kinds() {
        Map<Class<? extends Change>, String> kinds = new LinkedHashMap<>();
        kinds.put(Change.CreateSchema.class, "create-schema");
        kinds.put(Change.DropSchema.class, "drop-schema");
        kinds.put(Change.CreateTable.class, "create-table");
        kinds.put(Change.DropTable.class, "drop-table");
        kinds.put(Change.RenameTable.class, "rename-table");
        kinds.put(Change.AddColumn.class, "add-column");
        kinds.put(Change.DropColumn.class, "drop-column");
        kinds.put(Change.RenameColumn.class, "rename-column");
        kinds.put(Change.Backfill.class, "backfill");
        kinds.put(Change.AlterColumnType.class, "alter-column-type");
        kinds.put(Change.AlterColumnNullability.class, "alter-column-nullability");
        kinds.put(Change.AlterColumnDefault.class, "alter-column-default");
        kinds.put(Change.AlterColumnIdentity.class, "alter-column-identity");
        kinds.put(Change.SetColumnComment.class, "set-column-comment");
        kinds.put(Change.SetTableComment.class, "set-table-comment");
        kinds.put(Change.AddPrimaryKey.class, "add-primary-key");
        kinds.put(Change.DropPrimaryKey.class, "drop-primary-key");
        kinds.put(Change.AddForeignKey.class, "add-foreign-key");
        kinds.put(Change.DropForeignKey.class, "drop-foreign-key");
        kinds.put(Change.AddUniqueKey.class, "add-unique-key");
        kinds.put(Change.DropUniqueKey.class, "drop-unique-key");
        kinds.put(Change.CreateIndex.class, "create-index");
        kinds.put(Change.DropIndex.class, "drop-index");
        kinds.put(Change.AddCheck.class, "add-check");
        kinds.put(Change.DropCheck.class, "drop-check");
        kinds.put(Change.CreateSequence.class, "create-sequence");
        kinds.put(Change.DropSequence.class, "drop-sequence");
        kinds.put(Change.AlterSequence.class, "alter-sequence");
        kinds.put(Change.CreateEnumType.class, "create-enum-type");
        kinds.put(Change.DropEnumType.class, "drop-enum-type");
        kinds.put(Change.AddEnumValue.class, "add-enum-value");
        kinds.put(Change.RenameEnumValue.class, "rename-enum-value");
        kinds.put(Change.ReplaceEnumType.class, "replace-enum-type");
        return Map.copyOf(kinds);
    }

    private static Map<String, Object> lock(Lock lock) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", lock.level().key());
        json.put("held", lock.held());
        json.put("blocks", lock.level().blocks());
        json.put("text", lock.describe());
        return json;
    }

    private static Map<String, Object> size(Step step) {
        TableStats stats = step.largeTable();
        if (stats == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("estimatedRows", stats.estimatedRows());
        json.put("bytes", stats.totalBytes());
        json.put("text", step.largeTableText());
        return json;
    }

    private static Map<String, Object> refused(Refusal refusal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("needs", refusal.needs());
        json.put("reason", refusal.reason());
        return json;
    }

    static List<Object> labels(Set<Hazard> hazards) {
        return new ArrayList<>(hazards.stream().sorted().map(Hazard::label).toList());
    }
}
