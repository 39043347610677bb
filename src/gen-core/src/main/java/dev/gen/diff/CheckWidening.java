package dev.gen.diff;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Whether a new check only allows more than an old one, so that no row the old check admitted can fail it: the
 * values of a STRING enum's check, {@code (status)::text = ANY (ARRAY['A', 'B'])}, gaining {@code 'C'}. Only this
 * shape is recognised (the same expression with one list of constants, the new list a superset of the old);
 * anything else is not a widening, which errs on the side of warning.
 */
public final class CheckWidening {

    private CheckWidening() {
    }

    public static boolean widens(String from, String to) {
        Matcher a = CheckExpressions.ARRAY.matcher(from);
        Matcher b = CheckExpressions.ARRAY.matcher(to);
        if (!a.find() || !b.find()) {
            return false;
        }
        String skeletonFrom = from.substring(0, a.start()) + "ARRAY[]" + from.substring(a.end());
        String skeletonTo = to.substring(0, b.start()) + "ARRAY[]" + to.substring(b.end());
        if (!skeletonFrom.equals(skeletonTo) || a.find() || b.find()) {
            return false;
        }
        Set<String> old = constants(CheckExpressions.ARRAY.matcher(from));
        Set<String> wider = constants(CheckExpressions.ARRAY.matcher(to));
        return old != null && wider != null && wider.containsAll(old);
    }

    private static Set<String> constants(Matcher array) {
        array.find();
        List<String> elements = CheckExpressions.splitTopLevel(array.group(1));
        Set<String> values = new HashSet<>();
        for (String element : elements) {
            if (!CheckExpressions.CONSTANT.matcher(element).matches()) {
                return null;
            }
            values.add(element.trim());
        }
        return values;
    }
}
