package dev.gen.run;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages. JDBC drivers sometimes echo the URL (DriverManager's "No suitable driver found
 * for ..."), and a URL may carry {@code password=...}; so every connection error is copied with the secret removed,
 * and its original (which may still hold it) is dropped rather than chained as a cause.
 */
final class Secrets {

    static final String MASK = "***";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");
    /** Shorter passwords are not replaced word for word: that would mangle ordinary text. */
    private static final int MIN_LITERAL = 4;

    private Secrets() {
    }

    static String scrub(String text, String password) {
        if (text == null) {
            return null;
        }
        String result = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK);
        result = URL_USER_INFO.matcher(result).replaceAll("$1" + MASK + "@");
        if (password != null && password.length() >= MIN_LITERAL) {
            result = result.replace(password, MASK);
        }
        return result;
    }

    /** A copy of {@code e} (and its chain of next exceptions) whose messages hold no secret. */
    static SQLException scrubbed(SQLException e, String password) {
        SQLException copy = new SQLException(scrub(e.getMessage(), password), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            copy.setNextException(scrubbed(next, password));
        }
        return copy;
    }
}
