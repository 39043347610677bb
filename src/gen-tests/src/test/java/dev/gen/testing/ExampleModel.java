package dev.gen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The repository's example entities (entities-example/), compiled as they are or with an edit. */
public final class ExampleModel {

    public static final Path SOURCES = Path.of("entities-example/src/main/java");
    public static final String APP_USER = "com/example/app/AppUser.java";

    private ExampleModel() {
    }

    /** Compiles the example with {@code edit} applied to one file's text. */
    public static Path compile(Path output, String file, UnaryOperator<String> edit) {
        try {
            Path copy = Files.createTempDirectory("gen-example-src");
            try (Stream<Path> walk = Files.walk(SOURCES)) {
                for (Path source : walk.filter(Files::isRegularFile).toList()) {
                    Path target = copy.resolve(SOURCES.relativize(source).toString());
                    Files.createDirectories(target.getParent());
                    String text = Files.readString(source);
                    if (file != null && SOURCES.relativize(source).toString().equals(file)) {
                        String edited = edit.apply(text);
                        if (edited.equals(text)) {
                            throw new IllegalStateException("The edit of " + file + " changed nothing");
                        }
                        text = edited;
                    }
                    Files.writeString(target, text);
                }
            }
            return EntityCompiler.compileTree(output, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path compile(Path output) {
        return compile(output, null, UnaryOperator.identity());
    }

    /** The example as it was before AppUser got its additionalNotes field. */
    public static Path compileWithoutNotes(Path output) {
        return compile(output, APP_USER, text -> text
                .replace("    @Column(name = \"additional_notes\", length = 2000)\n    private String additionalNotes;\n", "")
                .replace("    public String getAdditionalNotes() { return additionalNotes; }\n", "")
                .replace("    public void setAdditionalNotes(String additionalNotes) { this.additionalNotes = additionalNotes; }\n", ""));
    }

    /** The example with one more field in AppUser. */
    public static Path compileWithField(Path output, String declaration) {
        return compile(output, APP_USER, text -> text.replace("    private String additionalNotes;\n",
                "    private String additionalNotes;\n\n" + declaration + "\n"));
    }
}
