package dev.gen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes migration sources, as gen's generator would, into a test's directory. */
final class MigrationSourceWriter {

    private final String className;
    private final List<String> up = new ArrayList<>();
    private final List<String> down = new ArrayList<>();
    private String packageName;
    private boolean transactional = true;
    private String lockTimeout;
    private String downThrows;
    private final List<String> members = new ArrayList<>();
    private String annotation;

    private MigrationSourceWriter(String className) {
        this.className = className;
    }

    static MigrationSourceWriter migration(String className) {
        return new MigrationSourceWriter(className);
    }

    MigrationSourceWriter up(String... statements) {
        up.addAll(List.of(statements));
        return this;
    }

    MigrationSourceWriter down(String... statements) {
        down.addAll(List.of(statements));
        return this;
    }

    MigrationSourceWriter inPackage(String name) {
        packageName = name;
        return this;
    }

    MigrationSourceWriter nonTransactional() {
        transactional = false;
        return this;
    }

    MigrationSourceWriter lockTimeout(String timeout) {
        lockTimeout = timeout;
        return this;
    }

    /** Java code added to the class body as it is, such as a static initializer. */
    MigrationSourceWriter member(String code) {
        members.add(code);
        return this;
    }

    /** An annotation on the class, such as {@code @dev.gen.api.MigrationChecksum("v1")}. */
    MigrationSourceWriter annotated(String text) {
        annotation = text;
        return this;
    }

    MigrationSourceWriter irreversible(String reason) {
        downThrows = reason;
        return this;
    }

    Path writeTo(Path directory) {
        return write(directory.resolve(className + ".java"), source());
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() {
        StringBuilder s = new StringBuilder();
        if (packageName != null) {
            s.append("package ").append(packageName).append(";\n\n");
        }
        s.append("import dev.gen.api.Migration;\nimport dev.gen.api.MigrationContext;\nimport java.sql.SQLException;\n\n");
        if (annotation != null) {
            s.append(annotation).append('\n');
        }
        s.append("public class ").append(className).append(" implements Migration {\n\n");
        members.forEach(code -> s.append("    ").append(code).append("\n\n"));
        s.append("    @Override\n    public void up(MigrationContext ctx) throws SQLException {\n");
        up.forEach(sql -> s.append("        ctx.execute(").append(literal(sql)).append(");\n"));
        s.append("    }\n\n    @Override\n    public void down(MigrationContext ctx) throws SQLException {\n");
        if (downThrows != null) {
            s.append("        throw new UnsupportedOperationException(").append(literal(downThrows)).append(");\n");
        }
        down.forEach(sql -> s.append("        ctx.execute(").append(literal(sql)).append(");\n"));
        s.append("    }\n");
        if (!transactional) {
            s.append("\n    @Override\n    public boolean transactional() {\n        return false;\n    }\n");
        }
        if (lockTimeout != null) {
            s.append("\n    @Override\n    public String lockTimeout() {\n        return ").append(literal(lockTimeout))
                    .append(";\n    }\n");
        }
        return s.append("}\n").toString();
    }

    static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
