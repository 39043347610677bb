package dev.gen.core;

/**
 * Keeps passwords out of everything gen prints. The rule itself lives in {@link dev.gen.run.Secrets}, the one used
 * by the whole program; this class only keeps the generator's call sites short.
 */
public final class Secrets {

    private Secrets() {
    }

    /** Whether a JDBC URL carries a password (in its user-info part or as a parameter). */
    public static boolean urlHasPassword(String url) {
        return dev.gen.run.Secrets.urlHasPassword(url);
    }

    public static String redactUrl(String url) {
        return dev.gen.run.Secrets.redactUrl(url);
    }

    /** Removes the password, and any URL that carries one, from a message. */
    public static String scrub(String message, String password, String url) {
        return dev.gen.run.Secrets.scrub(message, password, url);
    }
}
