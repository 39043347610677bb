package dev.gen.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of insertion: every object after the objects its row refers to. Objects are grouped by depth (an
 * object's depth is one more than the deepest object it refers to), then by entity, so that consecutive inserts of
 * one entity go to the database in one JDBC batch.
 */
final class Ordering {

    private Ordering() {
    }

    static List<SeedObject> topological(SeedGraph graph) {
        Map<SeedObject, Integer> depth = new IdentityHashMap<>();
        for (SeedObject object : graph.objects) {
            depth(object, depth, new ArrayList<>(), graph);
        }
        Map<String, Integer> entityOrder = new HashMap<>();
        for (SeedObject object : graph.objects) {
            entityOrder.putIfAbsent(object.persister.getEntityName(), entityOrder.size());
        }
        List<SeedObject> ordered = new ArrayList<>(graph.objects);
        // A stable sort keeps the file's order within one entity and depth.
        ordered.sort(Comparator.<SeedObject>comparingInt(depth::get)
                .thenComparingInt(o -> entityOrder.get(o.persister.getEntityName())));
        return ordered;
    }

    private static int depth(SeedObject object, Map<SeedObject, Integer> depth, List<SeedObject> visiting,
            SeedGraph graph) {
        Integer known = depth.get(object);
        if (known != null) {
            return known;
        }
        if (visiting.contains(object)) {
            List<SeedObject> cycle = new ArrayList<>(visiting.subList(visiting.indexOf(object), visiting.size()));
            cycle.add(object);
            StringBuilder text = new StringBuilder();
            for (SeedObject o : cycle) {
                text.append(text.length() == 0 ? "" : " -> ").append(o);
            }
            throw graph.input(object.path, object.entityName(), null, "its references form a cycle (" + text
                    + "), so no object of it can be inserted first. Leave one of the references out of the file"
                    + " and set it from a migration or the application.");
        }
        visiting.add(object);
        int d = 0;
        for (SeedObject dependency : object.dependsOn) {
            d = Math.max(d, depth(dependency, depth, visiting, graph) + 1);
        }
        visiting.remove(visiting.size() - 1);
        depth.put(object, d);
        return d;
    }
}
