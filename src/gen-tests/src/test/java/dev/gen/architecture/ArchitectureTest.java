package dev.gen.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the packages' arrows pointing along the data flow of README's "How it works": no cycles, and no package
 * depending on one placed later in the flow. A new package must be placed in {@link #FLOW} before it can exist.
 */
class ArchitectureTest {

    /**
     * The packages under {@code dev.gen}, upstream first. A package may depend on itself and on packages of an
     * earlier stage, never on one of its own stage or a later one.
     */
    static final List<Set<String>> FLOW = List.of(
            Set.of("sql", "api", "model",    // SQL text rules, the migration API, the schema model: depend on nothing
                    "netproxy"),              // the tests' and the benchmark's round-trip counting proxy
            Set.of("run", "postgres", "scan", "appconfig"), // the runner; PostgreSQL's rules for types and names;
                                              // the entity scan; the application's own configuration
            Set.of("hibernate", "diff", "introspect"), // both sides of the schema, and the pure diff
            Set.of("cache", "pg", "compile", "seed"), // the desired-schema cache; the SQL writer; the migrations
                                              // compiler; seed data written through the entities
            Set.of("normalize"),              // the desired side in the catalog's spelling, from the writer's DDL
            Set.of("plan"),                   // ordering, guards and hazards, with each step rendered
            Set.of("emit"),                   // JavaPoet source of a plan
            Set.of("core"),                   // the façade over all of the above
            Set.of("cli", "maven"));          // the front ends over the façade: picocli, the Maven goals

    /** The packages of gen-runtime, which ships to production with the JDK alone. */
    static final Set<String> RUNTIME = Set.of("api", "run", "sql");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gen");
        assertTrue(classes.size() > 100, "found only " + classes.size() + " of gen's classes");
    }

    /**
     * The types that cross the boundary of the loader that isolates an application's own Hibernate (the scan's
     * EntityClassLoader shares them with gen's loader) must name no Hibernate or Jakarta Persistence type: the two
     * sides have different copies of those.
     */
    @Test
    void typesSharedAcrossTheHibernateIsolationNameNoHibernateType() {
        for (Class<?> shared : List.of(dev.gen.hibernate.TargetModel.class, dev.gen.hibernate.TargetSettings.class,
                dev.gen.hibernate.UnsupportedMappingException.class)) {
            List<String> hibernate = classes.get(shared).getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass().getName())
                    .filter(name -> name.startsWith("org.hibernate.") || name.startsWith("jakarta.")).toList();
            assertEquals(List.of(), hibernate, shared.getName());
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.gen.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyArrowPointsAlongTheFlow() {
        Map<String, Integer> stage = new LinkedHashMap<>();
        for (int i = 0; i < FLOW.size(); i++) {
            for (String pkg : FLOW.get(i)) {
                stage.put(pkg, i);
            }
        }
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = genPackage(type);
            if (from == null) {
                continue;
            }
            if (!stage.containsKey(from)) {
                violations.add("package dev.gen." + from + " (" + type.getName() + ") has no place in FLOW");
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = genPackage(dependency.getTargetClass());
                if (to == null || to.equals(from)) {
                    continue;
                }
                Integer target = stage.get(to);
                if (target == null || target >= stage.get(from)) {
                    violations.add("dev.gen." + from + " -> dev.gen." + to + ": " + dependency.getDescription());
                }
            }
        }
        assertEquals(Set.of(), violations, () -> "arrows against the flow:\n" + String.join("\n", violations));
    }

    @Test
    void theRuntimeUsesOnlyTheJdkAndItself() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            if (!RUNTIME.contains(genPackage(type))) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String pkg = target.getPackageName();
                boolean jdk = pkg.startsWith("java.") || pkg.startsWith("javax.sql") || target.isPrimitive()
                        || (target.isArray() && (target.getBaseComponentType().isPrimitive()
                                || target.getBaseComponentType().getPackageName().startsWith("java.")));
                if (!jdk && !RUNTIME.contains(genPackage(target))) {
                    violations.add(type.getName() + " -> " + target.getName());
                }
            }
        }
        assertEquals(Set.of(), violations, () -> "gen-runtime reaches beyond the JDK:\n" + String.join("\n", violations));
    }

    /** The packages a front end may reach of gen's: the façade and its shadow-database part. */
    static final Set<String> FACADE = Set.of("dev.gen.core", "dev.gen.core.shadow");

    /**
     * The command line speaks to the façade alone: besides itself, picocli, the embedded server's library and the
     * JDK, {@code dev.gen.cli} reaches only {@link #FACADE}, never the runtime, the plan or the model directly.
     */
    @Test
    void theCommandLineSpeaksOnlyToTheFacade() {
        assertSpeaksOnlyToTheFacade("cli");
    }

    /**
     * The Maven goals, the other front end, follow the same rule: besides themselves, Maven's API and the JDK,
     * {@code dev.gen.maven} reaches only {@link #FACADE}, so that both front ends print and exit alike.
     */
    @Test
    void theMavenPluginSpeaksOnlyToTheFacade() {
        assertTrue(classes.contain("dev.gen.maven.GenMojo"), "gen-maven-plugin is not on the test classpath");
        assertSpeaksOnlyToTheFacade("maven");
    }

    private static void assertSpeaksOnlyToTheFacade(String frontEnd) {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            if (!frontEnd.equals(genPackage(type))) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String to = genPackage(target);
                JavaClass base = target.isArray() ? target.getBaseComponentType() : target;
                if (to != null && !to.equals(frontEnd) && !FACADE.contains(base.getPackageName())) {
                    violations.add(dependency.getDescription());
                }
            }
        }
        assertEquals(Set.of(), violations,
                () -> "dev.gen." + frontEnd + " goes past the façade:\n" + String.join("\n", violations));
    }

    /** jdeps, the JDK's own tool, on gen-runtime's classes: the modules a user's JVM needs for it. */
    @Test
    void jdepsFindsOnlyJavaBaseSqlAndLogging() {
        Path runtime = Path.of("src/gen-runtime/target/classes");
        assertTrue(runtime.toFile().isDirectory(), "build gen-runtime first: " + runtime.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--print-module-deps",
                "--ignore-missing-deps", runtime.toString());
        assertEquals(0, status, out::toString);
        Set<String> modules = new TreeSet<>(List.of(out.toString().trim().split(",")));
        assertTrue(Set.of("java.base", "java.sql", "java.logging").containsAll(modules), "jdeps: " + modules);
    }

    /** The first segment after {@code dev.gen.}, or null for a class outside gen. */
    private static String genPackage(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String pkg = base.getPackageName();
        if (!pkg.startsWith("dev.gen.")) {
            return null;
        }
        String rest = pkg.substring("dev.gen.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
