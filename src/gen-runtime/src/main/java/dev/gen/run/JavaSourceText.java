package dev.gen.run;

/**
 * Java source reduced to what changes its meaning, for checksums: comments are removed, string, text-block and
 * character literals are kept exactly, and whitespace outside them is dropped, except one blank between two word
 * characters (so that {@code return x} does not become {@code returnx}).
 */
final class JavaSourceText {

    private JavaSourceText() {
    }

    static String normalized(String source) {
        StringBuilder out = new StringBuilder(source.length());
        boolean pendingBlank = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
                pendingBlank = true;
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pendingBlank = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingBlank = true;
                i++;
                continue;
            }
            if (pendingBlank && out.length() > 0 && isWord(out.charAt(out.length() - 1)) && isWord(c)) {
                out.append(' ');
            }
            pendingBlank = false;
            int end;
            if (source.startsWith("\"\"\"", i)) {
                end = endOfTextBlock(source, i);
            } else if (c == '"' || c == '\'') {
                end = endOfLiteral(source, i, c);
            } else {
                end = i + 1;
            }
            out.append(source, i, end);
            i = end;
        }
        return out.toString();
    }

    private static boolean isWord(char c) {
        return Character.isJavaIdentifierPart(c);
    }

    private static int endOfLiteral(String source, int i, char quote) {
        int n = source.length();
        int j = i + 1;
        while (j < n) {
            char c = source.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote || c == '\n') {
                return j + 1;
            } else {
                j++;
            }
        }
        return n;
    }

    private static int endOfTextBlock(String source, int i) {
        int n = source.length();
        int j = i + 3;
        while (j < n) {
            if (source.charAt(j) == '\\') {
                j += 2;
            } else if (source.startsWith("\"\"\"", j)) {
                return j + 3;
            } else {
                j++;
            }
        }
        return n;
    }
}
