package dev.gen.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small lexer for PostgreSQL statement text: it finds where statements end and which words they start with,
 * skipping comments ({@code --}, nested {@code /* *}{@code /}), string literals ({@code '...'}, {@code E'...'} with
 * backslash escapes), dollar-quoted bodies ({@code $tag$...$tag$}) and quoted identifiers ({@code "..."}), so that a
 * semicolon or a keyword inside any of them is not mistaken for one between statements. A SQL-standard function
 * body ({@code BEGIN ATOMIC ... END}) is one statement with its inner semicolons.
 */
final class SqlText {

    private SqlText() {
    }

    /** The first two words of every non-empty statement in {@code sql}, upper case (a missing second word is ""). */
    static List<String[]> leadingWords(String sql) {
        List<String[]> result = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int atomicDepth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = endOfLine(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
            } else if (c == '\'') {
                i = endOfString(sql, i, escapesBefore(sql, i));
                words.add("'");
            } else if (c == '"') {
                i = endOfQuoted(sql, i, '"');
                words.add("\"");
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
                words.add("$");
            } else if (c == ';') {
                if (atomicDepth == 0) {
                    flush(words, result);
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (atomicDepth > 0) {
                    if (word.equals("CASE") || word.equals("BEGIN")) {
                        atomicDepth++;
                    } else if (word.equals("END")) {
                        atomicDepth--;
                    }
                } else if (word.equals("ATOMIC") && !words.isEmpty() && words.get(words.size() - 1).equals("BEGIN")
                        && words.size() > 1) {
                    atomicDepth = 1; // BEGIN ATOMIC inside CREATE FUNCTION/PROCEDURE, not a transaction's BEGIN
                }
                words.add(word);
            } else {
                if (!Character.isWhitespace(c)) {
                    words.add(String.valueOf(c));
                }
                i++;
            }
        }
        flush(words, result);
        return result;
    }

    private static void flush(List<String> words, List<String[]> result) {
        if (!words.isEmpty()) {
            result.add(new String[] {words.get(0), words.size() > 1 ? words.get(1) : ""});
            words.clear();
        }
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int endOfBlockComment(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** An {@code E} (or {@code e}) right before the quote, as a word of its own, makes backslash an escape. */
    private static boolean escapesBefore(String sql, int quote) {
        if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote == 1 || !(Character.isLetterOrDigit(sql.charAt(quote - 2)) || sql.charAt(quote - 2) == '_');
    }

    private static int endOfString(String sql, int i, boolean backslashEscapes) {
        int n = sql.length();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    i += 2; // a doubled quote stands for one
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int endOfQuoted(String sql, int i, char quote) {
        int n = sql.length();
        i++;
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null when the dollar sign is a parameter or part of a word. */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null; // inside an identifier such as a$b
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return null; // $1 is a parameter
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    /**
     * The transaction-control statement in {@code sql}, described for a message, or null when there is none.
     * Savepoints ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) are allowed: they stay inside the
     * migration's transaction, which still commits or rolls back as a whole.
     */
    static String transactionControl(String sql) {
        for (String[] words : leadingWords(sql)) {
            String first = words[0];
            String second = words[1];
            boolean refused;
            switch (first) {
                case "BEGIN":
                case "START":
                case "COMMIT":
                case "END":
                case "ABORT":
                    refused = !first.equals("START") || second.equals("TRANSACTION");
                    break;
                case "ROLLBACK":
                    refused = !second.equals("TO");
                    break;
                case "PREPARE":
                    refused = second.equals("TRANSACTION");
                    break;
                default:
                    refused = false;
            }
            if (refused) {
                return (first + " " + second).strip();
            }
        }
        return null;
    }
}
