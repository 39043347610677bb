package dev.gen.run;

import java.nio.file.Path;
import java.util.List;

/** Where migrations come from: a directory of sources, a classpath, or a fixed list. */
public interface MigrationSource {

    /**
     * The migrations, ordered by version, with distinct versions.
     *
     * @throws MigrationException when one does not compile, is badly named, shares a version or cannot be recorded
     */
    List<LoadedMigration> load();

    /** Where the migrations come from, for messages (for example "directory generated"). */
    String describe();

    /**
     * The short name recorded with each migration in the history table's {@code location} column: the directory as
     * configured, or {@code classpath:<package>}.
     */
    default String location() {
        return describe();
    }

    /**
     * The location of the application's own migrations, which keep the strict order rule (a pending one older than
     * the newest applied one is refused unless out-of-order is allowed). Migrations of any other location, shipped
     * by a library, apply whenever they appear. For a single source that is its own location.
     */
    default String applicationLocation() {
        return location();
    }

    /**
     * The {@code .java} files under {@code directory} (recursively), compiled by {@code compiler} (gen-core's
     * {@code dev.gen.compile.MigrationSources.directory} passes the JDK's). Every {@code .java} file must be named
     * {@code V<14 digits>__<Name>.java}.
     */
    static MigrationSource directory(Path directory, SourceCompiler compiler) {
        return new DirectorySource(directory, compiler);
    }

    /** The precompiled migration classes in these directories and jars. */
    static MigrationSource classpath(List<Path> entries) {
        return ClasspathSource.ofPaths(entries);
    }

    /** The precompiled migration classes in these directories and jars, in these packages and their sub-packages. */
    static MigrationSource classpath(List<Path> entries, String... packages) {
        return ClasspathSource.ofPaths(entries, packages);
    }

    /**
     * Several locations as one source: their migrations together, in one version order, each tagged with its
     * location. The first is the application's own; the others are libraries' (see {@link #applicationLocation()}).
     * A version found in two locations is an error naming both.
     */
    static MigrationSource locations(List<MigrationSource> locations) {
        return MigrationLocations.of(locations);
    }

    /**
     * The precompiled migration classes visible to {@code loader} in these packages (and their sub-packages), or on
     * its whole classpath when no package is given.
     */
    static MigrationSource classLoader(ClassLoader loader, String... packages) {
        return ClasspathSource.ofLoader(loader, packages);
    }

    /** These migrations, as loaded already (useful to share one load between several runners). */
    static MigrationSource of(List<LoadedMigration> migrations) {
        List<LoadedMigration> checked = MigrationClasses.ordered(migrations, "the given list");
        return new MigrationSource() {
            @Override
            public List<LoadedMigration> load() {
                return checked;
            }

            @Override
            public String describe() {
                return "the given list of migrations";
            }
        };
    }
}
