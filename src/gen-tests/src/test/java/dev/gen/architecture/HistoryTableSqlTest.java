package dev.gen.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The history table's SQL lives only with the history table: no string literal in any module's main sources,
 * outside {@code dev.gen.run.HistoryTable}, writes a statement clause naming one of the table's own columns. A
 * second reader of the table (as the generator's pending-migrations check once was) fails here.
 */
class HistoryTableSqlTest {

    private static final Path HOME = Path.of("src/gen-runtime/src/main/java/dev/gen/run/HistoryTable.java");

    /** A Java string literal on one line. */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** A clause of a statement followed by a column only the history table has ({@code version()} is a function). */
    static final Pattern HISTORY_SQL = Pattern.compile("\\b(SELECT|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|SET|WHERE"
            + "|ORDER\\s+BY)\\b[^\"]*\\b(version|checksum|execution_ms|applied_at|applied_by|os_user)\\b(?!\\s*\\()");

    @Test
    void theRuleRecognisesAHistoryReadAndLeavesOtherSqlAlone() {
        assertTrue(HISTORY_SQL.matcher("SELECT version FROM ").find());
        assertTrue(HISTORY_SQL.matcher(" SET checksum = ? WHERE version = ?").find());
        assertTrue(!HISTORY_SQL.matcher("SELECT version()").find());
        assertTrue(!HISTORY_SQL.matcher("SELECT count(*) FROM ").find());
    }

    @Test
    void onlyHistoryTableWritesTheHistoryTablesSql() throws IOException {
        assertTrue(Files.isRegularFile(HOME), "run from the repository root: " + HOME.toAbsolutePath());
        Set<String> violations = new TreeSet<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(Path.of("src"))) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> sources = Files.walk(main)) {
                    for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        files++;
                        if (!source.equals(HOME)) {
                            violations.addAll(historySql(source));
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " main sources");
        assertEquals(Set.of(), violations, () -> "history-table SQL outside HistoryTable:\n"
                + String.join("\n", violations));
    }

    private static List<String> historySql(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        List<String> found = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher literal = LITERAL.matcher(lines.get(i));
            while (literal.find()) {
                if (HISTORY_SQL.matcher(literal.group(1)).find()) {
                    found.add(source + ":" + (i + 1) + ": " + literal.group(1));
                }
            }
        }
        return found;
    }
}
