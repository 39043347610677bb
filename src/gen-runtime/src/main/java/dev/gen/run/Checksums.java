package dev.gen.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * How a migration's checksum is computed, without running any of its code. A checksum names its rule in a prefix,
 * so that rows written under one rule are never compared as if written under another:
 * <ul>
 *   <li>{@code declared:<value>}: the migration's {@link dev.gen.api.MigrationChecksum} annotation, read from the
 *       class without initialising it; the same whether the migration is compiled from the directory or loaded
 *       precompiled.</li>
 *   <li>{@code src1:<sha256>}: a migration compiled from the directory: its source text with comments removed and
 *       whitespace outside literals reduced, so that reformatting or commenting it does not change the checksum,
 *       while any edit of a statement (a string literal) or of code does.</li>
 *   <li>{@code cls1:<sha256>}: a precompiled migration: the bytes of its class file and of its nested classes.
 *       Recompiling with another compiler or other debug options changes it; {@code migration:repair} accepts
 *       that.</li>
 *   <li>64 hex digits without a prefix: written by gen before these rules, from the statements that running
 *       {@code up} and {@code down} produced. Such a checksum cannot be recomputed without running the migration,
 *       so it is accepted as it is, and the next locked command rewrites it under the current rule.</li>
 * </ul>
 */
final class Checksums {

    static final String DECLARED = "declared:";
    static final String SOURCE = "src1:";
    static final String CLASS_FILES = "cls1:";

    private Checksums() {
    }

    static String declared(String value) {
        return DECLARED + value;
    }

    static String ofSource(String javaSource) {
        return SOURCE + sha256(JavaSourceText.normalized(javaSource).getBytes(StandardCharsets.UTF_8));
    }

    /** Over the class files by name (the top-level class and its nested ones), length-prefixed. */
    static String ofClassFiles(SortedMap<String, byte[]> classFiles) {
        MessageDigest sha = newDigest();
        for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            sha.update((name.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(name);
            sha.update((file.getValue().length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(file.getValue());
        }
        return CLASS_FILES + HexFormat.of().formatHex(sha.digest());
    }

    /** A checksum written before rules had prefixes: 64 hex digits. */
    static boolean isLegacy(String checksum) {
        return checksum != null && checksum.length() == 64 && checksum.chars().allMatch(Checksums::isHexDigit);
    }

    /**
     * Whether a recorded checksum tells an edit: it differs from the current one under the same rule, or one of the
     * two is declared and they differ. A legacy checksum, or one of sources compared with one of classes (the same
     * migration run once from the directory and once from a jar), cannot tell an edit and is accepted.
     */
    static boolean edited(String recorded, String current) {
        if (recorded.equals(current)) {
            return false;
        }
        if (isLegacy(recorded)) {
            return false;
        }
        if (recorded.startsWith(DECLARED) || current.startsWith(DECLARED)) {
            return true;
        }
        return rule(recorded).equals(rule(current));
    }

    /** Whether the next locked command should rewrite the recorded checksum under the current rule. */
    static boolean upgradable(String recorded, String current) {
        return isLegacy(recorded) && !recorded.equals(current);
    }

    private static String rule(String checksum) {
        int colon = checksum.indexOf(':');
        return colon < 0 ? "" : checksum.substring(0, colon + 1);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
