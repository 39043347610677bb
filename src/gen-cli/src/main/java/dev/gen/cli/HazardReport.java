package dev.gen.cli;

import dev.gen.diff.Change;
import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code generate --format json}: the changes with their hazard classes and statements, for tools that annotate
 * pull requests. The document's shape is part of gen's interface (pinned by a test):
 *
 * <pre>
 * { "migration": name or null, "file": path or null, "transactional": bool, "hazards": [labels],
 *   "changes": [ { "kind", "table" (schema.table or null), "description", "hazards", "up", "down" } ] }
 * </pre>
 */
final class HazardReport {

    private HazardReport() {
    }

    static String json(String migration, String file, Plan plan) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("migration", migration);
        document.put("file", file);
        document.put("transactional", plan.transactional());
        document.put("hazards", labels(plan.hazards()));
        List<Object> changes = new ArrayList<>();
        for (Step step : plan.steps()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("kind", kind(step.change()));
            change.put("table", step.change().table() == null ? null : step.change().table().toString());
            change.put("description", step.change().describe());
            change.put("hazards", labels(step.hazards()));
            change.put("dataRestoredByDown", step.dataRestored());
            change.put("up", List.copyOf(step.up()));
            change.put("down", List.copyOf(step.down()));
            changes.add(change);
        }
        document.put("changes", changes);
        return Json.write(document);
    }

    /** {@code AddColumn} to {@code add-column}. */
    static String kind(Change change) {
        String name = change.getClass().getSimpleName();
        StringBuilder kind = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    kind.append('-');
                }
                kind.append(Character.toLowerCase(c));
            } else {
                kind.append(c);
            }
        }
        return kind.toString();
    }

    private static List<Object> labels(Set<Hazard> hazards) {
        return new ArrayList<>(hazards.stream().sorted().map(Hazard::label).toList());
    }
}
