package dev.gen.run;

import dev.gen.api.Migration;
import dev.gen.api.MigrationChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What every source does with the classes it found: check names, checksum, order; and, to execute, create. */
final class MigrationClasses {

    private MigrationClasses() {
    }

    /**
     * A migration class, loaded but not initialised: checks its name, that it is a {@link Migration} and that it has
     * a constructor without parameters, all without running any of its code. {@code computed} is the checksum to use
     * unless the class declares one.
     */
    static LoadedMigration load(Class<?> type, String origin, java.util.function.Supplier<String> computed) {
        MigrationId id = idOf(type.getSimpleName(), origin);
        if (!Migration.class.isAssignableFrom(type)) {
            throw new MigrationException("Class " + type.getName() + " (" + origin + ") is named like a migration but"
                    + " does not implement " + Migration.class.getName() + ". Make it implement that interface.");
        }
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") has no constructor without"
                    + " parameters; gen needs one to create it. Add a public no-argument constructor.", e);
        }
        return new LoadedMigration(id, type, declaredChecksum(type, id, origin).orElseGet(computed), origin);
    }

    /** The {@link MigrationChecksum} of {@code type}; reading an annotation does not initialise the class. */
    private static Optional<String> declaredChecksum(Class<?> type, MigrationId id, String origin) {
        MigrationChecksum declared = type.getAnnotation(MigrationChecksum.class);
        if (declared == null) {
            return Optional.empty();
        }
        if (declared.value().isBlank()) {
            throw new MigrationException("Migration " + id + " (" + origin + ") declares an empty @MigrationChecksum."
                    + " Give it a value that changes whenever its statements do, or remove the annotation.");
        }
        return Optional.of(Checksums.declared(declared.value()));
    }

    /** The declared checksum, else that of the class files of {@code type} and its nested classes. */
    static String checksumOfClass(Class<?> type, MigrationId id, String origin) {
        return declaredChecksum(type, id, origin).orElseGet(() -> {
            SortedMap<String, byte[]> files = new TreeMap<>();
            List<Class<?>> classes = new ArrayList<>(List.of(type));
            classes.addAll(Arrays.asList(type.getDeclaredClasses()));
            for (Class<?> c : classes) {
                files.put(c.getName(), classFile(c.getName(), c.getClassLoader(), id, origin));
            }
            return Checksums.ofClassFiles(files);
        });
    }

    /** The bytes of a class file as its loader finds them. */
    static byte[] classFile(String className, ClassLoader loader, MigrationId id, String origin) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("Migration " + id + " (" + origin + "): gen cannot read the class file "
                        + resource + " to compute its checksum. Load it from a directory or jar, or declare its"
                        + " checksum with @" + MigrationChecksum.class.getName() + ".");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MigrationException("Migration " + id + " (" + origin + "): cannot read its class file "
                    + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the migration: this first runs its static initialiser, then its constructor. Only commands that
     * execute migrations call it.
     */
    static Migration instantiate(Class<?> type, MigrationId id, String origin) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Migration) constructor.newInstance();
        } catch (ExceptionInInitializerError e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: its static"
                    + " initializer threw " + Messages.oneLine(String.valueOf(e.getCause())) + ". Nothing of it ran."
                    + " Fix the migration (a static field's initial value or a static block).", e);
        } catch (InvocationTargetException e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: its constructor"
                    + " threw " + Messages.oneLine(String.valueOf(e.getCause())) + ". Nothing of it ran. Fix the"
                    + " migration.", e);
        } catch (NoClassDefFoundError e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: "
                    + Messages.oneLine(e.toString()) + " (a class it needs is missing, or its static initializer"
                    + " failed before). Nothing of it ran. Fix the migration or its classpath.", e);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new MigrationException("Migration " + id + " (" + origin + ") cannot be created: "
                    + Messages.oneLine(e.toString()) + ". Make it a public top-level class.", e);
        }
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
