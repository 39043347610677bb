package dev.gen.core;

import dev.gen.diff.Change;
import dev.gen.plan.Refusal;
import dev.gen.diff.RenameCandidate;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard's verdicts as {@code --check} reports them. {@code --check} asks nothing, so a drop and an add that may
 * be a rename are reported as the drop (or the redefined enum type) refused, needing the rename flag or
 * {@code --allow-destructive}: what {@code migration:generate} without a terminal would refuse with exit 3.
 */
final class CheckVerdicts {

    private CheckVerdicts() {
    }

    static List<Refusal> of(List<Refusal> guard, List<Change> changes, List<RenameCandidate> candidates,
            boolean allowDestructive, String defaultSchema) {
        if (allowDestructive || candidates.isEmpty()) {
            return guard;
        }
        List<Refusal> verdicts = new ArrayList<>(guard);
        for (RenameCandidate candidate : candidates) {
            for (Change change : changes) {
                if (droppedBy(candidate, change)) {
                    verdicts.removeIf(refusal -> refusal.change().equals(change));
                    verdicts.add(new Refusal(change, "a drop and an add look like a rename: "
                            + candidate.describe(defaultSchema) + "; a rename keeps the data.",
                            candidate.flag(defaultSchema) + " or " + Refusal.ALLOW_DESTRUCTIVE));
                }
            }
        }
        return verdicts;
    }

    /** The change that loses what the candidate would keep: the dropped column or table, the rebuilt enum type. */
    private static boolean droppedBy(RenameCandidate candidate, Change change) {
        if (candidate.isTable()) {
            return change instanceof Change.DropTable drop && drop.definition().name().equals(candidate.table());
        }
        if (candidate.enumValue()) {
            return change instanceof Change.ReplaceEnumType replace && replace.to().name().equals(candidate.table());
        }
        return change instanceof Change.DropColumn drop && drop.table().equals(candidate.table())
                && drop.column().name().equals(candidate.from());
    }
}
