package dev.gen.run;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration's identity, taken from its class name {@code V<yyyyMMddHHmmss>__<Name>}: the 14-digit version
 * orders migrations, the name describes them. Ordering compares the version, then the name.
 */
public record MigrationId(String version, String name) implements Comparable<MigrationId> {

    private static final Pattern CLASS_NAME = Pattern.compile("V(\\d{14})__(\\w+)");
    /** How users name a migration on the command line: its version, class name or file name. */
    private static final Pattern REFERENCE = Pattern.compile("V?(\\d{14})(?:__\\w+)?(?:\\.java)?");

    /** How a migration's name must look, for error messages. */
    public static final String EXPECTED_FORM = "V<yyyyMMddHHmmss>__<Name> (for example V20260314093000__CreateUsers)";

    public MigrationId {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
    }

    /** The id of a class with this simple name, or empty when the name does not follow {@link #EXPECTED_FORM}. */
    public static Optional<MigrationId> parse(String simpleName) {
        Matcher m = CLASS_NAME.matcher(simpleName);
        return m.matches() ? Optional.of(new MigrationId(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The id of a class's simple name or its source file's name ({@code ….java}); empty when it is neither. */
    public static Optional<MigrationId> parseClassOrFile(String classOrFileName) {
        String simpleName = classOrFileName.endsWith(".java")
                ? classOrFileName.substring(0, classOrFileName.length() - ".java".length()) : classOrFileName;
        return parse(simpleName);
    }

    /**
     * The version a user means by {@code 20261121090000}, {@code V20261121090000__Init} or
     * {@code V20261121090000__Init.java}; empty for anything else (which must never select every migration).
     */
    public static Optional<String> versionOf(String reference) {
        Matcher m = REFERENCE.matcher(reference.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code V<version>__<name>}, the class's simple name. */
    public String simpleName() {
        return "V" + version + "__" + name;
    }

    /** The simple name with {@code .java}. */
    public String fileName() {
        return simpleName() + ".java";
    }

    @Override
    public int compareTo(MigrationId other) {
        int byVersion = version.compareTo(other.version);
        return byVersion != 0 ? byVersion : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return simpleName();
    }
}
