package dev.gen.run;

import dev.gen.api.Migration;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What every source does with the classes it found: check names, instantiate, record, order. */
final class MigrationClasses {

    private MigrationClasses() {
    }

    static LoadedMigration load(Class<?> type, String origin) {
        MigrationId id = idOf(type.getSimpleName(), origin);
        if (!Migration.class.isAssignableFrom(type)) {
            throw new MigrationException("Class " + type.getName() + " (" + origin + ") is named like a migration but"
                    + " does not implement " + Migration.class.getName() + ". Make it implement that interface.");
        }
        Migration migration;
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            migration = (Migration) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") has no constructor without"
                    + " parameters; gen needs one to create it. Add a public no-argument constructor.", e);
        } catch (InvocationTargetException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: its constructor"
                    + " threw " + Messages.oneLine(String.valueOf(e.getCause())) + ". Fix the migration.", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: "
                    + Messages.oneLine(e.toString()) + ". Make it a public top-level class.", e);
        }
        return LoadedMigration.of(id, migration, origin);
    }

    static MigrationId idOf(String simpleName, String origin) {
        Optional<MigrationId> id = MigrationId.parse(simpleName);
        if (id.isEmpty()) {
            throw new MigrationException(origin + " is not named like a migration: expected "
                    + MigrationId.EXPECTED_FORM + ". Rename it, or move it out of the migrations.");
        }
        return id.get();
    }

    /** Sorted by version; two migrations with one version are an error, since the version is the history key. */
    static List<LoadedMigration> ordered(List<LoadedMigration> migrations, String source) {
        List<LoadedMigration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparing(LoadedMigration::id));
        checkDistinctVersions(sorted.stream().map(m -> new Named(m.id(), m.origin())).toList(), source);
        return List.copyOf(sorted);
    }

    /** A migration id with where it came from, for the duplicate check before anything is compiled. */
    record Named(MigrationId id, String origin) {
    }

    static void checkDistinctVersions(List<Named> sortedById, String source) {
        for (int i = 1; i < sortedById.size(); i++) {
            Named previous = sortedById.get(i - 1);
            Named current = sortedById.get(i);
            if (previous.id().version().equals(current.id().version())) {
                throw new MigrationException("Two migrations in " + source + " have the version "
                        + current.id().version() + ": " + previous.origin() + " and " + current.origin()
                        + ". The version identifies a migration in the history table, so it must be unique: give one"
                        + " of them a newer timestamp (rename the class and its file).");
            }
        }
    }
}
