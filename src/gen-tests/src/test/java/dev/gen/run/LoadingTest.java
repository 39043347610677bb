package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.factory;
import static dev.gen.run.RunnerTestSupport.history;
import static dev.gen.run.RunnerTestSupport.migrations;
import static dev.gen.run.RunnerTestSupport.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.run.Migrator;
import dev.gen.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class LoadingTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path dir;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("loading");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
        dir = emptyDir(temp, "generated");
    }

    @Test
    void compileErrorNamesTheFileAndLineAndNothingRuns() {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        MigrationSourceWriter.write(dir.resolve("V20260101000002__Broken.java"), String.join("\n",
                "import dev.gen.api.*;",
                "public class V20260101000002__Broken implements Migration {",
                "    public void up(MigrationContext ctx) throws java.sql.SQLException {",
                "        ctx.execute(\"CREATE TABLE b (id int)\")",
                "    }",
                "    public void down(MigrationContext ctx) { }",
                "}"));

        MigrationException failure = assertThrows(MigrationException.class, () -> migrations(db, dir).run());

        assertEquals("Migration V20260101000002__Broken.java does not compile: line 4: ';' expected."
                + " Fix the source or delete the file.", failure.getMessage());
        assertFalse(tableExists(db, "a"));
        assertFalse(tableExists(db, "gen_migrations"));
    }

    @Test
    void badlyNamedFilesAndDuplicateVersionsAreRejected() throws IOException {
        migration("V20260101000001__CreateA").up("CREATE TABLE a (id int)").writeTo(dir);
        MigrationSourceWriter.write(dir.resolve("Helper.java"), "class Helper {}");

        MigrationException badName = assertThrows(MigrationException.class, () -> migrations(db, dir).run());
        assertTrue(badName.getMessage().contains("Helper.java is not named like a migration: expected V<yyyyMMddHHmmss>__<Name>"),
                badName.getMessage());

        Files.delete(dir.resolve("Helper.java"));
        migration("V20260101000001__CreateAlsoA").up("CREATE TABLE a2 (id int)").writeTo(dir);
        MigrationException duplicate = assertThrows(MigrationException.class, () -> migrations(db, dir).run());
        assertTrue(duplicate.getMessage().contains("have the version 20260101000001"), duplicate.getMessage());
        assertFalse(tableExists(db, "a"));
    }

    @Test
    void migrationsInPackagesAndSubdirectoriesCompile() {
        migration("V20260101000001__CreateA").inPackage("com.example.db").up("CREATE TABLE a (id int)")
                .writeTo(dir.resolve("com/example/db"));
        assertEquals(1, migrations(db, dir).run().applied().size());
        assertTrue(tableExists(db, "a"));
    }

    @Test
    void precompiledJarMigratesThroughMigratorAndThroughAClasspathSource() throws Exception {
        Path jar = buildJar(
                migration("V20260101000001__CreateA").inPackage("com.example.migrations").up("CREATE TABLE a (id int)"),
                migration("V20260101000002__CreateB").inPackage("com.example.migrations").up("CREATE TABLE b (id int)"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        if (db.password() != null) {
            dataSource.setPassword(db.password());
        }

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // The application's class loader sees the jar and gen's API only, so that scanning its whole classpath
        // finds exactly the jar's migrations, whatever else the test JVM's classpath holds.
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, apiOnly())) {
            Thread.currentThread().setContextClassLoader(application);
            RunResult result = Migrator.migrate(dataSource);
            assertEquals(List.of("V20260101000001__CreateA", "V20260101000002__CreateB"),
                    result.applied().stream().map(a -> a.id().toString()).toList());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            RunResult again = Migrator.configure(dataSource).classLoader(application).packages("com.example.migrations")
                    .migrate();
            assertTrue(again.applied().isEmpty());
        }
        assertTrue(tableExists(db, "a"));
        assertTrue(tableExists(db, "b"));

        // The same jar as a classpath entry, as the CLI would load it; same checksums, so all applied.
        List<MigrationStatus> status = new Migrations(factory(db), MigrationSource.classpath(List.of(jar)),
                RunOptions.defaults()).status();
        assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED), status.stream().map(MigrationStatus::state).toList());
        assertEquals(List.of("20260101000001:true", "20260101000002:true"), history(db));
    }

    @Test
    void precompiledMigrationsAreListedWithoutRunningTheirCodeAndADeclaredChecksumIsTheSameInBothForms()
            throws Exception {
        String exits = "static { if (!Boolean.getBoolean(\"never.set\")) System.exit(0); }";
        Path jar = buildJar(
                migration("V20260101000001__Exits").inPackage("com.example.migrations").member(exits)
                        .up("CREATE TABLE a (id int)"),
                migration("V20260101000002__Declared").inPackage("com.example.migrations")
                        .annotated("@dev.gen.api.MigrationChecksum(\"v1\")").up("CREATE TABLE b (id int)"));

        List<LoadedMigration> loaded = MigrationSource.classpath(List.of(jar)).load();
        List<MigrationStatus> status = new Migrations(factory(db), MigrationSource.classpath(List.of(jar)),
                RunOptions.defaults()).status();

        assertEquals(List.of(MigrationState.PENDING, MigrationState.PENDING),
                status.stream().map(MigrationStatus::state).toList());
        assertTrue(loaded.get(0).checksum().matches("cls1:[0-9a-f]{64}"), loaded.get(0).checksum());
        assertEquals("declared:v1", loaded.get(1).checksum());
        migration("V20260101000002__Declared").annotated("@dev.gen.api.MigrationChecksum(\"v1\")")
                .up("CREATE TABLE b (id int)").writeTo(dir);
        assertEquals("declared:v1", dev.gen.compile.MigrationSources.directory(dir).load().get(0).checksum());
    }

    private static ClassLoader apiOnly() {
        return new ClassLoader("gen-api-only", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("dev.gen.api.")) {
                    return dev.gen.api.Migration.class.getClassLoader().loadClass(name);
                }
                throw new ClassNotFoundException(name);
            }
        };
    }

    /** Compiles the sources with the JDK's compiler and packs the classes into a jar, as an application build would. */
    private Path buildJar(MigrationSourceWriter... sources) throws IOException {
        Path src = emptyDir(temp, "jar-src");
        Path classes = emptyDir(temp, "jar-classes");
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path") + java.io.File.pathSeparator
                        + Path.of(dev.gen.api.Migration.class.getProtectionDomain().getCodeSource().getLocation().getPath())));
        for (MigrationSourceWriter source : sources) {
            args.add(source.writeTo(src).toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        Path jar = temp.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
