package dev.gen.run;

import static dev.gen.run.MigrationSourceWriter.migration;
import static dev.gen.run.RunnerTestSupport.emptyDir;
import static dev.gen.run.RunnerTestSupport.factory;
import static dev.gen.run.RunnerTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gen.run.Migrator;
import dev.gen.compile.MigrationSources;
import dev.gen.testing.Cli;
import dev.gen.testing.EntityCompiler;
import dev.gen.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations from several locations: the application's own and those a library ships. They run in one version
 * order, each record names its location, and a library upgrade's older migrations apply when they appear.
 */
class LocationsTest {

    private static TestDatabase db;

    @TempDir
    Path temp;

    private Path app;
    private Path core;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("locations");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyDatabase() {
        RunnerTestSupport.reset(db);
        app = emptyDir(temp, "app");
        core = emptyDir(temp, "core");
    }

    private Migrations runner(RunOptions options) {
        return new Migrations(factory(db), MigrationSource.locations(List.of(MigrationSources.directory(app),
                MigrationSources.directory(core))), options);
    }

    private static List<String> historyWithLocations() {
        return strings(db, "SELECT version || ' ' || coalesce(location, '-') FROM public.gen_migrations"
                + " ORDER BY version");
    }

    @Test
    void runsEveryLocationInOneVersionOrderAndRecordsWhereEachCameFrom() {
        migration("V20260101000001__CoreUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").writeTo(core);
        migration("V20260101000002__AppNotes").up("ALTER TABLE users ADD COLUMN notes text").writeTo(app);
        migration("V20260101000003__CoreEmail").up("ALTER TABLE users ADD COLUMN email text").writeTo(core);

        RunResult result = runner(RunOptions.defaults()).run();

        assertEquals(List.of("V20260101000001__CoreUsers", "V20260101000002__AppNotes", "V20260101000003__CoreEmail"),
                result.applied().stream().map(a -> a.id().toString()).toList());
        assertEquals(List.of("20260101000001 " + core, "20260101000002 " + app, "20260101000003 " + core),
                historyWithLocations());
        List<MigrationStatus> status = runner(RunOptions.defaults()).status();
        assertEquals(List.of(core.toString(), app.toString(), core.toString()),
                status.stream().map(MigrationStatus::location).toList());
    }

    @Test
    void aLibraryUpgradesMigrationOlderThanTheApplicationsNewestRunsWhenItAppears() {
        migration("V20260101000001__CoreUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").writeTo(core);
        migration("V20260301000000__AppNotes").up("ALTER TABLE users ADD COLUMN notes text").writeTo(app);
        runner(RunOptions.defaults()).run();

        // core v2, released in February, reaches the application in March
        migration("V20260201000000__CoreEmail").up("ALTER TABLE users ADD COLUMN email text").writeTo(core);
        assertEquals(MigrationState.PENDING, runner(RunOptions.defaults()).status().stream()
                .filter(s -> s.id().version().equals("20260201000000")).findFirst().orElseThrow().state());

        RunResult result = runner(RunOptions.defaults()).run();

        assertEquals(List.of("V20260201000000__CoreEmail"), result.applied().stream().map(a -> a.id().toString()).toList());
        assertEquals(List.of("email"), strings(db, "SELECT column_name::text FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name = 'email'"));
    }

    @Test
    void theApplicationsOwnLateMigrationIsStillRefusedUnlessOutOfOrderIsAllowed() {
        migration("V20260301000000__AppUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").writeTo(app);
        // a library migration newer than everything of the application's: it must not make the application's
        // own merged-in migration look late, nor hide that one is
        migration("V20260401000000__CoreAudit").up("CREATE TABLE audit (id bigint)").writeTo(core);
        runner(RunOptions.defaults()).run();
        migration("V20260201000000__AppFromBranch").up("CREATE TABLE branch (id bigint)").writeTo(app);

        MigrationValidationException refused = assertThrows(MigrationValidationException.class,
                () -> runner(RunOptions.defaults()).run());
        assertTrue(refused.getMessage().contains("V20260201000000__AppFromBranch is pending but older than"
                + " V20260301000000__AppUsers"), refused.getMessage());
        assertEquals(MigrationState.OUT_OF_ORDER, runner(RunOptions.defaults()).status().stream()
                .filter(s -> s.id().version().equals("20260201000000")).findFirst().orElseThrow().state());

        runner(RunOptions.defaults().withOutOfOrder(true)).run();
        assertEquals(3, historyWithLocations().size());
    }

    @Test
    void oneVersionInTwoLocationsIsRefusedNamingBoth() {
        migration("V20260101000001__CoreUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").writeTo(core);
        migration("V20260101000001__AppUsers").up("CREATE TABLE app_users (id bigint PRIMARY KEY)").writeTo(app);

        MigrationException refused = assertThrows(MigrationException.class, () -> runner(RunOptions.defaults()).run());

        assertTrue(refused.getMessage().contains("V20260101000001__CoreUsers")
                && refused.getMessage().contains("V20260101000001__AppUsers"), refused.getMessage());
        assertEquals(List.of(), strings(db, "SELECT relname::text FROM pg_class WHERE relname IN ('users', 'app_users')"));
    }

    @Test
    void aHistoryTableFromBeforeLocationsGainsTheColumnInPlaceAndKeepsItsRecords() {
        db.execute("CREATE TABLE public.gen_migrations (version text PRIMARY KEY, name text NOT NULL,"
                + " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
                + " execution_ms bigint NOT NULL DEFAULT 0, applied_by text NOT NULL DEFAULT current_user,"
                + " os_user text, success boolean NOT NULL DEFAULT true)");
        migration("V20260101000001__CoreUsers").up("CREATE TABLE users (id bigint PRIMARY KEY)").writeTo(app);
        Migrations appOnly = new Migrations(factory(db), MigrationSources.directory(app), RunOptions.defaults());
        String checksum = MigrationSources.directory(app).load().get(0).checksum();
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY)", "INSERT INTO public.gen_migrations (version, name,"
                + " checksum) VALUES ('20260101000001', 'CoreUsers', '" + checksum + "')");
        // read-only commands read the old shape and leave it alone
        assertEquals(MigrationState.APPLIED, appOnly.status().get(0).state());
        assertEquals(List.of(), strings(db, "SELECT attname::text FROM pg_attribute WHERE attrelid ="
                + " 'public.gen_migrations'::regclass AND attname = 'location'"));

        migration("V20260101000002__AppNotes").up("ALTER TABLE users ADD COLUMN notes text").writeTo(app);
        appOnly.run();

        assertEquals(List.of("20260101000001 -", "20260101000002 " + app), historyWithLocations());
    }

    @Test
    void migratorTakesTheApplicationsPackageAndLibrariesPackagesAsLocations() throws Exception {
        Path classes = EntityCompiler.compile(temp.resolve("classes"), Map.of(
                "com/example/app/db/V20260301000000__AppNotes.java", migration("V20260301000000__AppNotes")
                        .inPackage("com.example.app.db").up("ALTER TABLE users ADD COLUMN notes text").source(),
                "com/example/core/db/V20260101000000__CoreUsers.java", migration("V20260101000000__CoreUsers")
                        .inPackage("com.example.core.db").up("CREATE TABLE users (id bigint PRIMARY KEY)").source(),
                "com/example/other/V20260101000009__NotListed.java", migration("V20260101000009__NotListed")
                        .inPackage("com.example.other").up("CREATE TABLE not_listed (id bigint)").source()));
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        if (db.password() != null) {
            dataSource.setPassword(db.password());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                Migrator.class.getClassLoader())) {
            RunResult result = Migrator.configure(dataSource).classLoader(loader)
                    .packages("com.example.app.db", "com.example.core.db").migrate();

            assertEquals(2, result.applied().size());
        }
        assertEquals(List.of("20260101000000 classpath:com.example.core.db", "20260301000000 classpath:com.example.app.db"),
                historyWithLocations());
    }

    @Test
    void theCommandLineTakesRepeatableLocationsOfSourcesAndOfLibraryPackages() {
        Path classes = EntityCompiler.compile(temp.resolve("core-jar"), Map.of(
                "com/example/core/db/V20260101000000__CoreUsers.java", migration("V20260101000000__CoreUsers")
                        .inPackage("com.example.core.db").up("CREATE TABLE users (id bigint PRIMARY KEY)").source()));
        migration("V20260301000000__AppNotes").up("ALTER TABLE users ADD COLUMN notes text").writeTo(app);
        Cli cli = new Cli(db, "--locations", app.toString(), "--locations", "classpath:com.example.core.db",
                "--migrations-classpath", classes.toString());

        Cli.Result run = cli.run("migration:run");
        Cli.Result show = cli.run("migration:show");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("20260101000000 classpath:com.example.core.db", "20260301000000 " + app),
                historyWithLocations());
        assertTrue(show.out().contains("V20260101000000__CoreUsers") && show.out().contains("(classpath:com.example.core.db)"),
                show.toString());
        Cli.Result noClasspath = new Cli(db, "--locations", "classpath:com.example.core.db").run("migration:run");
        assertEquals(2, noClasspath.exitCode(), noClasspath.toString());
        assertTrue(noClasspath.err().contains("--migrations-classpath"), noClasspath.toString());
    }

    @Test
    void libraryJarsDeclareTheirMigrationPackages() throws Exception {
        Path core = EntityCompiler.compile(temp.resolve("core-classes"), Map.of(
                "com/example/core/db/V20260101000000__CoreUsers.java", migration("V20260101000000__CoreUsers")
                        .inPackage("com.example.core.db").up("CREATE TABLE users (id bigint PRIMARY KEY)").source()));
        MigrationSourceWriter.write(core.resolve(Migrator.DECLARED_LOCATIONS), "# shipped by core\ncom.example.core.db\n");
        Path billing = Files.createDirectories(temp.resolve("billing-classes"));
        MigrationSourceWriter.write(billing.resolve(Migrator.DECLARED_LOCATIONS), "com.example.billing.db\n\ncom.example.core.db\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {core.toUri().toURL(), billing.toUri().toURL()},
                Migrator.class.getClassLoader())) {
            assertEquals(List.of("com.example.core.db", "com.example.billing.db"), Migrator.declaredLocations(loader));
        }
    }
}
