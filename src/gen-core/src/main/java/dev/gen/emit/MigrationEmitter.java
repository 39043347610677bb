package dev.gen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.gen.api.Migration;
import dev.gen.api.MigrationContext;
import dev.gen.plan.Hazard;
import dev.gen.plan.Plan;
import dev.gen.plan.Step;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link Plan} as the Java source of a {@link Migration}: one {@code ctx.execute} per statement, in plan
 * order, under a Javadoc that lists the changes and their hazards. The output depends on the arguments only, so
 * generating twice gives the same bytes.
 */
public final class MigrationEmitter {

    private static final ClassName MIGRATION = ClassName.get(Migration.class);
    private static final ClassName CONTEXT = ClassName.get(MigrationContext.class);
    private static final String CONTEXT_PARAMETER = "ctx";
    private static final String BLANK_BODY_HINT = "write your statements here: ctx.execute(\"...\");";

    private final MigrationBody.Limits limits;

    public MigrationEmitter() {
        this(MigrationBody.Limits.DEFAULT);
    }

    /** With other limits than the class file's, so that tests can pin the layout of a large migration cheaply. */
    MigrationEmitter(MigrationBody.Limits limits) {
        this.limits = limits;
    }

    /** The migration class for {@code plan}, named {@code V<yyyyMMddHHmmss>__<name>} after {@code timestamp}. */
    public GeneratedMigration emit(String name, Instant timestamp, Plan plan, EmitOptions options) {
        MigrationId id = MigrationNames.of(name, timestamp);
        TypeSpec.Builder type = migrationClass(id, MigrationJavadoc.forPlan(id, plan, options));
        if (!plan.transactional()) {
            type.addMethod(notTransactional());
        }
        addLockTimeout(type, options);
        addSearchPath(type, options);
        MigrationBody.Body up = upBody(plan);
        MigrationBody.Body down = downBody(plan);
        type.addMethod(direction("up", up.code()));
        type.addMethod(direction("down", down.code()));
        type.addTypes(up.chunkClasses());
        type.addTypes(down.chunkClasses());
        return generated(id, type.build(), options);
    }

    /** A migration with empty {@code up} and {@code down} for the user to write. */
    public GeneratedMigration blank(String name, Instant timestamp, EmitOptions options) {
        MigrationId id = MigrationNames.of(name, timestamp);
        TypeSpec.Builder type = migrationClass(id, MigrationJavadoc.forBlank(id, options));
        addLockTimeout(type, options);
        type.addMethod(direction("up", blankBody()));
        type.addMethod(direction("down", blankBody()));
        return generated(id, type.build(), options);
    }

    private static TypeSpec.Builder migrationClass(MigrationId id, String javadoc) {
        return TypeSpec.classBuilder(id.className())
                .addJavadoc("$L", javadoc)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION);
    }

    private MigrationBody.Body upBody(Plan plan) {
        checked(collect(plan.steps(), Step::up), plan.upStatements());
        return body("up", groups(plan.steps(), Step::up, MigrationEmitter::upComment));
    }

    /** Each step's undo, last step first: the order {@link Plan#downStatements()} defines. */
    private MigrationBody.Body downBody(Plan plan) {
        List<Step> reversed = new ArrayList<>(plan.steps());
        Collections.reverse(reversed);
        checked(collect(reversed, Step::down), plan.downStatements());
        return body("down", groups(reversed, Step::down, MigrationEmitter::downComment));
    }

    private MigrationBody.Body body(String direction, List<MigrationBody.Group> groups) {
        return groups.isEmpty() ? new MigrationBody.Body(blankBody(), List.of())
                : MigrationBody.of(direction, groups, CONTEXT_PARAMETER, CONTEXT, limits);
    }

    /** Each step with statements in this direction, under a comment that names its change. */
    private static List<MigrationBody.Group> groups(List<Step> steps, Function<Step, List<String>> direction,
            Function<Step, String> comment) {
        List<MigrationBody.Group> groups = new ArrayList<>();
        for (Step step : steps) {
            List<String> sqls = direction.apply(step);
            if (!sqls.isEmpty()) {
                groups.add(new MigrationBody.Group(comment.apply(step), sqls));
            }
        }
        return groups;
    }

    /** The change, and its hazards next to the statements that have them: {@code [table-rewrite, long-lock]}. */
    private static String upComment(Step step) {
        String hazards = step.hazards().stream()
                .sorted()
                .map(Hazard::label)
                .collect(Collectors.joining(", "));
        return step.change().describe() + (hazards.isEmpty() ? "" : " [" + hazards + "]");
    }

    /** What the step undoes, and where its statements bring back structure without the data. */
    private static String downComment(Step step) {
        String dataNote = step.dataRestored() ? "" : " [structure only, data not restored]";
        String hazards = step.downHazards().stream().sorted().map(Hazard::label).collect(Collectors.joining(", "));
        return "undo: " + step.change().describe() + dataNote + (hazards.isEmpty() ? "" : " [" + hazards + "]");
    }

    private static List<String> collect(List<Step> steps, Function<Step, List<String>> direction) {
        return steps.stream().flatMap(step -> direction.apply(step).stream()).toList();
    }

    /**
     * The emitter walks the steps itself to comment each group; this keeps it honest against the plan's own
     * definition of the statement order, should that ever change.
     */
    private static void checked(List<String> emitted, List<String> planned) {
        if (!emitted.equals(planned)) {
            throw new IllegalStateException("emitted statements differ from the plan's: " + emitted + " vs " + planned);
        }
    }

    private static CodeBlock blankBody() {
        return CodeBlock.builder().add("// $L\n", BLANK_BODY_HINT).build();
    }

    private static MethodSpec direction(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(CONTEXT, CONTEXT_PARAMETER)
                .addException(SQLException.class)
                .addCode(body)
                .build();
    }

    private static MethodSpec notTransactional() {
        return MethodSpec.methodBuilder("transactional")
                .addJavadoc("A statement here cannot run inside a transaction (such as {@code CREATE INDEX"
                        + " CONCURRENTLY}). If one fails,\nthe statements before it stay applied: finish or undo them"
                        + " by hand before running again\n(a failed {@code CREATE INDEX CONCURRENTLY} leaves an"
                        + " invalid index to drop).\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addStatement("return false")
                .build();
    }

    private static void addLockTimeout(TypeSpec.Builder type, EmitOptions options) {
        if (options.lockTimeout() == null) {
            return;
        }
        type.addMethod(MethodSpec.methodBuilder("lockTimeout")
                .addJavadoc("How long a statement waits for a lock before the migration fails.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L", JavaStringLiterals.quoted(options.lockTimeout()))
                .build());
    }

    private static void addSearchPath(TypeSpec.Builder type, EmitOptions options) {
        if (options.searchPath() == null) {
            return;
        }
        type.addMethod(MethodSpec.methodBuilder("searchPath")
                .addJavadoc("The schemas the unqualified names in these statements (enum types, defaults, checks)"
                        + " resolve in.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L", JavaStringLiterals.quoted(options.searchPath()))
                .build());
    }

    private static GeneratedMigration generated(MigrationId id, TypeSpec type, EmitOptions options) {
        String packageName = options.javaPackage() == null ? "" : options.javaPackage();
        String source = JavaFile.builder(packageName, type)
                .indent("    ")
                .skipJavaLangImports(true)
                .build()
                .toString();
        return new GeneratedMigration(id.className(), id.fileName(), source);
    }
}
