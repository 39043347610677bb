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
