package dev.gen.core;

import java.util.regex.Pattern;

/** Keeps passwords out of everything gen prints. */
public final class Secrets {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private Secrets() {
    }

    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String redacted = URL_PASSWORD.matcher(url).replaceAll("$1***");
        return URL_USERINFO.matcher(redacted).replaceAll("$1***@");
    }

    /** Removes the password, and any URL that carries one, from a message. */
    public static String scrub(String message, String password, String url) {
        if (message == null) {
            return null;
        }
        String result = message;
        if (url != null && !url.isEmpty()) {
            result = result.replace(url, redactUrl(url));
        }
        if (password != null && !password.isEmpty()) {
            // Where the password stands as a word of its own; a short one like "gen" inside a database name is
            // not the password, and masking it there would only garble the message.
            result = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(password) + "(?![A-Za-z0-9_])")
                    .matcher(result).replaceAll("***");
        }
        return URL_PASSWORD.matcher(result).replaceAll("$1***");
    }
}
