package dev.gen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The body of {@code up} or {@code down}: the statements in order, each group under its comment, laid out so that
 * a migration of any size compiles within the JVM's limits.
 *
 * <p>The class-file format caps a method's bytecode at 64 KB, a string constant at 65,535 bytes of (modified)
 * UTF-8, and a class's constant pool at 65,535 entries (two per distinct string literal). So:
 * <ul>
 *   <li>a direction with more than {@link Limits#chunkStatements} statements or {@link Limits#chunkChars} characters of SQL
 *       becomes calls to nested classes {@code Up1}, {@code Up2}, ... (one per chunk, each with its own constant
 *       pool), in order; each chunk still has one {@code ctx.execute} per statement under its step's comment;
 *   <li>a statement longer than {@link Limits#maxPartBytes} is written as {@code String.join("", part, part, ...)}: a
 *       runtime join, since the compiler would fold a constant concatenation back into one oversized constant.
 * </ul>
 * A migration below both sizes is laid out exactly as before (one {@code ctx.execute} per statement directly in
 * {@code up} and {@code down}).
 */
final class MigrationBody {

    /**
     * Where the layout splits.
     *
     * @param chunkStatements statements per chunk
     * @param chunkChars characters of SQL per chunk
     * @param maxPartBytes longest piece of one statement in one literal, in bytes of modified UTF-8
     */
    record Limits(int chunkStatements, long chunkChars, int maxPartBytes) {
        /**
         * 1,000 statements a chunk (about 9 bytes of bytecode and 2 constant-pool entries each, far below the
         * limits), 1,000,000 characters (a chunk's class file and its review stay of a sane size), and literals of
         * at most 32 KB, half the constant's limit.
         */
        static final Limits DEFAULT = new Limits(1000, 1_000_000, 32_768);
    }

    /** One step's statements under the comment that names its change. */
    record Group(String comment, List<String> statements) {
    }

    /** The code of the method itself, and the nested classes it calls (none for a migration of ordinary size). */
    record Body(CodeBlock code, List<TypeSpec> chunkClasses) {
    }

    private MigrationBody() {
    }

    /**
     * The body of the method {@code direction} ("up" or "down"); {@code context} is the name of its
     * {@code MigrationContext} parameter, {@code contextType} its type.
     */
    static Body of(String direction, List<Group> groups, String context, ClassName contextType, Limits limits) {
        int statements = 0;
        long chars = 0;
        for (Group group : groups) {
            statements += group.statements().size();
            for (String sql : group.statements()) {
                chars += sql.length();
            }
        }
        if (statements <= limits.chunkStatements() && chars <= limits.chunkChars()) {
            return new Body(statements(groups, context, limits), List.of());
        }
        List<List<Group>> chunks = chunks(groups, limits);
        CodeBlock.Builder calls = CodeBlock.builder();
        List<TypeSpec> classes = new ArrayList<>();
        int first = 1;
        for (int i = 0; i < chunks.size(); i++) {
            List<Group> chunk = chunks.get(i);
            int count = chunk.stream().mapToInt(g -> g.statements().size()).sum();
            String className = Character.toUpperCase(direction.charAt(0)) + direction.substring(1) + (i + 1);
            calls.addStatement("$L.run($N)", className, context);
            classes.add(TypeSpec.classBuilder(className)
                    .addJavadoc("Statements $L to $L of {@code $L}, in order.\n", first, first + count - 1, direction)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addMethod(MethodSpec.methodBuilder("run")
                            .addModifiers(Modifier.STATIC)
                            .addParameter(contextType, context)
                            .addException(SQLException.class)
                            .addCode(statements(chunk, context, limits))
                            .build())
                    .build());
            first += count;
        }
        return new Body(calls.build(), classes);
    }

    /**
     * Cuts the groups into chunks within the limits' statements and characters, at a group's boundary where one fits; a group too big for one chunk continues in the next under
     * its comment marked "(continued)".
     */
    private static List<List<Group>> chunks(List<Group> groups, Limits limits) {
        Chunker chunker = new Chunker();
        for (Group group : groups) {
            long groupChars = group.statements().stream().mapToLong(String::length).sum();
            boolean fitsHere = chunker.statements + group.statements().size() <= limits.chunkStatements()
                    && chunker.chars + groupChars <= limits.chunkChars();
            boolean fitsAlone = group.statements().size() <= limits.chunkStatements() && groupChars <= limits.chunkChars();
            if (!fitsHere && fitsAlone) {
                // Start a chunk rather than split a group that fits one.
                chunker.flush();
            }
            boolean continued = false;
            List<String> open = null;
            for (String sql : group.statements()) {
                if (chunker.statements > 0 && (chunker.statements + 1 > limits.chunkStatements()
                        || chunker.chars + sql.length() > limits.chunkChars())) {
                    chunker.flush();
                    open = null;
                    continued = true;
                }
                if (open == null) {
                    open = new ArrayList<>();
                    chunker.current.add(new Group(continued ? group.comment() + " (continued)" : group.comment(),
                            open));
                }
                open.add(sql);
                chunker.statements++;
                chunker.chars += sql.length();
            }
        }
        chunker.flush();
        return chunker.chunks;
    }

    /** The chunks cut so far and the one being filled. */
    private static final class Chunker {
        final List<List<Group>> chunks = new ArrayList<>();
        List<Group> current = new ArrayList<>();
        int statements;
        long chars;

        void flush() {
            if (!current.isEmpty()) {
                chunks.add(current);
            }
            current = new ArrayList<>();
            statements = 0;
            chars = 0;
        }
    }

    /** The statements of {@code groups}, each group under a comment that names its change. */
    private static CodeBlock statements(List<Group> groups, String context, Limits limits) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Group group : groups) {
            if (group.statements().isEmpty()) {
                continue;
            }
            if (!code.isEmpty()) {
                code.add("\n");
            }
            code.add("// $L\n", CommentText.lineComment(group.comment()));
            for (String sql : group.statements()) {
                List<String> parts = parts(sql, limits.maxPartBytes());
                if (parts.size() == 1) {
                    code.addStatement("$N.execute($L)", context, JavaStringLiterals.literal(sql));
                } else {
                    code.add("$N.execute(String.join(\"\",$>$>", context);
                    for (int i = 0; i < parts.size(); i++) {
                        code.add("\n$L$L", JavaStringLiterals.literal(parts.get(i)), i < parts.size() - 1 ? "," : "");
                    }
                    code.add("));\n$<$<");
                }
            }
        }
        return code.build();
    }

    /**
     * {@code sql} cut into pieces of at most {@code maxBytes} bytes of modified UTF-8, preferably right after
     * a {@code ", "} (between two columns of a wide {@code CREATE TABLE}), never inside a surrogate pair.
     */
    static List<String> parts(String sql, int maxBytes) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < sql.length()) {
            int end = start;
            int bytes = 0;
            while (end < sql.length() && bytes + modifiedUtf8Bytes(sql.charAt(end)) <= maxBytes) {
                bytes += modifiedUtf8Bytes(sql.charAt(end));
                end++;
            }
            if (end < sql.length()) {
                int comma = sql.lastIndexOf(", ", end - 2);
                if (comma > start + (end - start) / 2) {
                    end = comma + 2;
                } else if (Character.isHighSurrogate(sql.charAt(end - 1))) {
                    end--;
                }
            }
            parts.add(sql.substring(start, end));
            start = end;
        }
        return parts.isEmpty() ? List.of(sql) : parts;
    }

    /** Bytes of {@code c} in the class file's modified UTF-8 (NUL takes two; each surrogate three). */
    private static int modifiedUtf8Bytes(char c) {
        if (c != 0 && c < 0x80) {
            return 1;
        }
        return c < 0x800 ? 2 : 3;
    }
}
