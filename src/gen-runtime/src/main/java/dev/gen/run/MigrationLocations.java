package dev.gen.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Migrations from several locations, run together in one global version order, as Flyway runs its
 * {@code locations}: the application's own directory or package first, then the packages that library jars ship.
 * Each loaded migration carries its location, which the history table records.
 */
final class MigrationLocations implements MigrationSource {

    private final List<MigrationSource> locations;

    private MigrationLocations(List<MigrationSource> locations) {
        this.locations = locations;
    }

    static MigrationSource of(List<MigrationSource> locations) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one location");
        }
        return new MigrationLocations(List.copyOf(locations));
    }

    /** A single source whose migrations are tagged with its location; a combined one as it is. */
    static MigrationSource tagged(MigrationSource source) {
        return source instanceof MigrationLocations ? source : new MigrationLocations(List.of(source));
    }

    @Override
    public List<LoadedMigration> load() {
        List<LoadedMigration> all = new ArrayList<>();
        for (MigrationSource location : locations) {
            String name = location.location();
            for (LoadedMigration m : location.load()) {
                all.add(m.location() == null ? m.withLocation(name) : m);
            }
        }
        return MigrationClasses.ordered(all, describe());
    }

    @Override
    public String describe() {
        return locations.size() == 1 ? locations.get(0).describe()
                : "the locations " + locations.stream().map(MigrationSource::describe)
                        .collect(Collectors.joining(", "));
    }

    @Override
    public String location() {
        return locations.size() == 1 ? locations.get(0).location()
                : locations.stream().map(MigrationSource::location).collect(Collectors.joining(";"));
    }

    @Override
    public String applicationLocation() {
        return locations.get(0).applicationLocation();
    }

    @Override
    public String toString() {
        return describe();
    }
}
