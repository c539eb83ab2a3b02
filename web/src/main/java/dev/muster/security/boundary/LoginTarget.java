package dev.muster.security.boundary;

/** Where the login form sends a user afterwards: only a path on this server, never another site. */
final class LoginTarget {

    static final String DEFAULT = "/console/";

    private LoginTarget() {
    }

    /** {@code next} if it is a local path under the console, else the console's start page. */
    static String of(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return DEFAULT;
        }
        return next;
    }
}
