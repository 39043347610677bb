package dev.gen.plan;

import dev.gen.diff.Change;
import dev.gen.diff.Change.AddCheck;
import dev.gen.diff.Change.AddPrimaryKey;
import dev.gen.diff.Change.AddUniqueKey;
import dev.gen.model.Check;
import dev.gen.model.Column;
import dev.gen.model.PrimaryKey;
import dev.gen.model.QualifiedName;
import dev.gen.model.Schema;
import dev.gen.model.Table;
import dev.gen.model.UniqueKey;
import dev.gen.postgres.PgNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a constraint that Hibernate leaves unnamed, and that is added to an existing table, the name
 * PostgreSQL would choose for it anyway. The name is then explicit in {@code up}, so {@code down} can drop it.
 */
final class ConstraintNamer {

    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private final Schema current;
    private final Map<QualifiedName, Set<String>> taken = new HashMap<>();
    private final Map<QualifiedName, Set<String>> freed = new HashMap<>();

    ConstraintNamer(Schema current) {
        this.current = current;
    }

    List<Change> name(List<Change> changes) {
        // A name the same plan drops is free again: PostgreSQL would choose it for the replacement.
        for (Change change : changes) {
            String dropped = droppedName(change);
            if (dropped != null) {
                freed.computeIfAbsent(change.table(), t -> new HashSet<>()).add(dropped);
            }
        }
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof AddCheck add && add.check().name() == null) {
                Check check = add.check();
                String column = check.column() != null ? check.column() : soleColumn(add.table(), check.expression());
                String name = unique(add.table(), PgNames.check(add.table().name(), column));
                result.add(new AddCheck(add.table(), check.withName(name)));
            } else if (change instanceof AddUniqueKey add && add.key().name() == null) {
                String name = unique(add.table(), PgNames.uniqueKey(add.table().name(), add.key().columns()));
                result.add(new AddUniqueKey(add.table(), new UniqueKey(name, add.key().columns())));
            } else if (change instanceof AddPrimaryKey add && add.key().name() == null) {
                String name = unique(add.table(), PgNames.primaryKey(add.table().name()));
                result.add(new AddPrimaryKey(add.table(), new PrimaryKey(name, add.key().columns())));
            } else {
                result.add(change);
            }
        }
        return result;
    }

    /** PostgreSQL names a check after its column only when the expression mentions exactly one column. */
    private String soleColumn(QualifiedName table, String expression) {
        Table existing = current.table(table);
        if (existing == null) {
            return null;
        }
        Set<String> columns = new HashSet<>();
        existing.columns().stream().map(Column::name).forEach(columns::add);
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripLiterals(expression));
        while (matcher.find()) {
            String word = matcher.group(1) != null ? matcher.group(1).replace("\"\"", "\"") : matcher.group(2).toLowerCase();
            if (columns.contains(word)) {
                mentioned.add(word);
            }
        }
        return mentioned.size() == 1 ? mentioned.iterator().next() : null;
    }

    private static String stripLiterals(String expression) {
        return expression.replaceAll("'(?:[^']|'')*'", "''");
    }

    private String unique(QualifiedName table, String candidate) {
        Set<String> names = taken.computeIfAbsent(table, this::existingNames);
        String name = candidate;
        for (int pass = 1; names.contains(name); pass++) {
            name = candidate + pass;
        }
        names.add(name);
        return name;
    }

    private static String droppedName(Change change) {
        if (change instanceof Change.DropCheck drop) {
            return drop.check().name();
        }
        if (change instanceof Change.DropUniqueKey drop) {
            return drop.key().name();
        }
        if (change instanceof Change.DropPrimaryKey drop) {
            return drop.key().name();
        }
        if (change instanceof Change.DropForeignKey drop) {
            return drop.key().name();
        }
        if (change instanceof Change.DropIndex drop) {
            return drop.index().name();
        }
        return null;
    }

    private Set<String> existingNames(QualifiedName table) {
        Set<String> names = new HashSet<>();
        Table existing = current.table(table);
        if (existing != null) {
            if (existing.primaryKey() != null && existing.primaryKey().name() != null) {
                names.add(existing.primaryKey().name());
            }
            existing.checks().forEach(c -> names.add(c.name()));
            existing.uniqueKeys().forEach(k -> names.add(k.name()));
            existing.foreignKeys().forEach(k -> names.add(k.name()));
            existing.indexes().forEach(i -> names.add(i.name()));
        }
        names.removeAll(freed.getOrDefault(table, Set.of()));
        return names;
    }
}
