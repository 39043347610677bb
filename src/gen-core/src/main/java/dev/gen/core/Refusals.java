package dev.gen.core;

import dev.gen.diff.Change;
import dev.gen.plan.Refusal;
import java.util.List;

/** The one message that lists every refused change and what resolves each. */
final class Refusals {

    /** A refusal should stay one readable paragraph even when a wrong classpath makes every table a drop. */
    private static final int LISTED = 10;

    private Refusals() {
    }

    static String message(List<Refusal> refusals) {
        StringBuilder message = new StringBuilder("No migration was written: ");
        List<Refusal> destructive = refusals.stream()
                .filter(r -> !(r.change() instanceof Change.AddColumn)).toList();
        List<Refusal> notNull = refusals.stream().filter(r -> r.change() instanceof Change.AddColumn).toList();
        for (int i = 0; i < Math.min(notNull.size(), LISTED); i++) {
            message.append(notNull.get(i).reason()).append(' ');
        }
        if (notNull.size() > LISTED) {
            message.append("And ").append(notNull.size() - LISTED).append(" more columns like these. ");
        }
        if (!destructive.isEmpty()) {
            message.append(destructive.size() == 1 ? "this change loses data: " : "these changes lose data: ");
            for (int i = 0; i < Math.min(destructive.size(), LISTED); i++) {
                message.append(i == 0 ? "" : "; ").append(destructive.get(i).reason());
            }
            if (destructive.size() > LISTED) {
                message.append("; and ").append(destructive.size() - LISTED).append(" more (a whole model missing?"
                        + " check --classpath and --packages).");
            }
            message.append(" If that is intended, run again with --allow-destructive; if a column or table was"
                    + " renamed, say so with --rename table.old=new or --rename-table old=new so its data is kept.");
        }
        return message.toString().trim();
    }
}
