package dev.gen.run;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule that keeps passwords out of everything gen prints, for the whole program. A JDBC URL's password is
 * masked as the PostgreSQL driver reads it: the driver splits the query string at {@code &} only and URL-decodes
 * each value, so {@code password=ab;cd} is the password {@code ab;cd} and {@code password=a%26b} is {@code a&b}. A
 * {@code user:password@} part, which the driver does not accept but a user may still type, is masked too. Besides
 * the URL itself, every form of the password found (as given, decoded and encoded) is masked wherever it appears.
 * Connection errors are copied with the secret removed, and their original (which may still hold it) is dropped
 * rather than chained as a cause.
 */
public final class Secrets {

    public static final String MASK = "***";
    /** {@code password=} up to the next {@code &} or blank, for URLs inside free text whose end is unknown. */
    private static final Pattern TEXT_PASSWORD = Pattern.compile("(?i)(password=)[^&\\s\"'<>]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");
    /** Shorter passwords are replaced only where they stand as a word: anywhere would mangle ordinary text. */
    private static final int MIN_LITERAL = 4;

    private Secrets() {
    }

    /** {@code url} with its password masked, or null for null. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        String server = query < 0 ? url : url.substring(0, query);
        server = USER_INFO.matcher(server).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        server = TEXT_PASSWORD.matcher(server).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        if (query < 0) {
            return server;
        }
        StringBuilder redacted = new StringBuilder(server).append('?');
        String[] parameters = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            boolean password = equals >= 0 && isPasswordKey(parameter.substring(0, equals));
            redacted.append(i == 0 ? "" : "&").append(password ? parameter.substring(0, equals + 1) + MASK : parameter);
        }
        return redacted.toString();
    }

    /** Whether {@code url} carries a password: a {@code password} parameter or a {@code user:password@} part. */
    public static boolean urlHasPassword(String url) {
        return url != null && !passwordsIn(url).isEmpty();
    }

    /** {@code text} with the password, every form of the URL's password, and the URL itself masked. */
    public static String scrub(String text, String password, String url) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (url != null && !url.isEmpty()) {
            result = result.replace(url, redactUrl(url));
        }
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url != null) {
            secrets.addAll(passwordsIn(url));
        }
        for (String secret : secrets) {
            result = maskLiteral(result, secret);
        }
        result = USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return TEXT_PASSWORD.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    static String scrub(String text, String password) {
        return scrub(text, password, null);
    }

    /** A copy of {@code e} (and its chain of next exceptions) whose messages hold no secret. */
    static SQLException scrubbed(SQLException e, String password, String url) {
        SQLException copy = new SQLException(scrub(e.getMessage(), password, url), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            copy.setNextException(scrubbed(next, password, url));
        }
        return copy;
    }

    static SQLException scrubbed(SQLException e, String password) {
        return scrubbed(e, password, null);
    }

    private static boolean isPasswordKey(String key) {
        return key.toLowerCase(Locale.ROOT).equals("password");
    }

    /** The URL's passwords as written and as the driver decodes them; empty when it has none. */
    private static List<String> passwordsIn(String url) {
        List<String> found = new ArrayList<>();
        int query = url.indexOf('?');
        Matcher userInfo = USER_INFO.matcher(query < 0 ? url : url.substring(0, query));
        if (userInfo.find()) {
            String match = userInfo.group();
            found.add(match.substring(userInfo.group(1).length(), match.length() - 1));
        }
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                if (equals >= 0 && isPasswordKey(parameter.substring(0, equals))) {
                    String raw = parameter.substring(equals + 1);
                    found.add(raw);
                    try {
                        found.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // Not decodable: the driver fails on it too, and the raw form is masked already.
                    }
                }
            }
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    private static String maskLiteral(String text, String secret) {
        if (secret.length() >= MIN_LITERAL) {
            return text.replace(secret, MASK);
        }
        // Where a short password stands as a word of its own; inside a database name it is not the password.
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(secret) + "(?![A-Za-z0-9_])").matcher(text)
                .replaceAll(Matcher.quoteReplacement(MASK));
    }
}
