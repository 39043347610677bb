package dev.gen.core.shadow;

import dev.gen.diff.Change;
import dev.gen.diff.SchemaDiff;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Two schemas read by gen's introspector, compared, and their difference put in words. */
final class Differences {

    private Differences() {
    }

    /**
     * What it takes to turn {@code from} into {@code to}, one sentence per change (empty when they are equal). Where
     * the records differ in a detail the diff does not act on, the tables concerned are named instead, so that a
     * difference is never reported as none.
     */
    static List<String> between(Schema from, Schema to) {
        if (from.equals(to)) {
            return List.of();
        }
        List<String> words = new ArrayList<>(changes(from, to).stream().map(Change::describe).toList());
        if (words.isEmpty()) {
            Set<QualifiedName> names = new TreeSet<>(from.tables().keySet());
            names.addAll(to.tables().keySet());
            for (QualifiedName name : names) {
                Table a = from.table(name);
                Table b = to.table(name);
                if (a == null || !a.equals(b)) {
                    words.add("table " + name + " differs in a detail gen does not migrate: " + a + " / " + b);
                }
            }
            if (!from.sequences().equals(to.sequences())) {
                words.add("the sequences differ: " + from.sequences().values() + " / " + to.sequences().values());
            }
            if (!from.enumTypes().equals(to.enumTypes())) {
                words.add("the enum types differ: " + from.enumTypes().values() + " / " + to.enumTypes().values());
            }
            if (words.isEmpty()) {
                words.add("the schemas differ: " + from.schemas() + " / " + to.schemas());
            }
        }
        return words;
    }

    static List<Change> changes(Schema from, Schema to) {
        return SchemaDiff.diff(from, to);
    }
}
