package dev.gen.emit;

import java.util.Objects;

/**
 * The Java source of one migration, ready to be written.
 *
 * @param className the simple class name, {@code V<yyyyMMddHHmmss>__<Name>}
 * @param fileName {@code className + ".java"}
 * @param javaSource the complete compilation unit; pure ASCII, ends with a newline
 */
public record GeneratedMigration(String className, String fileName, String javaSource) {
    public GeneratedMigration {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(javaSource, "javaSource");
    }
}
