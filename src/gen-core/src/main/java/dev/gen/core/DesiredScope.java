package dev.gen.core;

import dev.gen.model.QualifiedName;
import dev.gen.model.Sequence;
import dev.gen.model.Table;
import dev.gen.hibernate.TargetModel;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the entities map must lie where gen manages it. An entity mapped to the history table would be left out
 * without a word (the history table is never diffed), and a table or sequence in a schema outside
 * {@code --schema} would be created by every run, since gen never reads that schema back. Both are refused,
 * naming the entity and the fix.
 */
final class DesiredScope {

    private DesiredScope() {
    }

    static void check(TargetModel target, GenConfig config) {
        QualifiedName history = QualifiedName.of(config.defaultSchema(), config.historyTable());
        if (target.schema().tables().containsKey(history)) {
            throw new GenException(entityOf(target, history) + " is mapped to " + history + ", which is gen's"
                    + " migration history table; gen never manages that table, so the entity's schema would never"
                    + " be created or checked. Rename the entity's table (@Table(name = ...)), or give gen another"
                    + " history table with --history-table (history-table= in gen.properties).", ExitCodes.MODEL);
        }
        TreeSet<String> outside = new TreeSet<>();
        StringBuilder examples = new StringBuilder();
        for (Table table : target.schema().tables().values()) {
            if (!config.schemas().contains(table.name().schema()) && outside.add(table.name().schema())) {
                examples.append(examples.length() == 0 ? "" : "; ").append(entityOf(target, table.name()))
                        .append(" is mapped to ").append(table.name());
            }
        }
        for (Sequence sequence : target.schema().sequences().values()) {
            if (!config.schemas().contains(sequence.name().schema()) && outside.add(sequence.name().schema())) {
                examples.append(examples.length() == 0 ? "" : "; ").append("the sequence ").append(sequence.name());
            }
        }
        if (!outside.isEmpty()) {
            List<String> wanted = new java.util.ArrayList<>(config.schemas());
            wanted.addAll(outside);
            throw new GenException(examples + ": schema " + String.join(", ", outside) + (outside.size() == 1
                    ? " is" : " are") + " outside the schemas gen manages (" + String.join(", ", config.schemas())
                    + "), so gen would create it again on every run. Add it: --schema " + String.join(",", wanted)
                    + " (schema= in gen.properties), or map the entity into a managed schema.", ExitCodes.MODEL);
        }
    }

    /** "The entity com.example.Order", or "A mapping" when no column of the table names its entity. */
    static String entityOf(TargetModel target, QualifiedName table) {
        return target.origins().entrySet().stream().filter(origin -> origin.getKey().table().equals(table))
                .min(Map.Entry.comparingByKey()).map(origin -> "The entity " + origin.getValue().entityClass())
                .orElse("A mapping");
    }
}
