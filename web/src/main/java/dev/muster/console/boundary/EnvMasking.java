package dev.muster.console.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hides the values of environment variables whose names say they are secret, so a job page can be shown on a
 * shared screen. Jobs carry no separate secret store yet: the name is all there is to go by.
 */
public final class EnvMasking {

    public static final String MASK = "••••••";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw|pwd|token|key|credential|auth|private|cookie|session).*");

    private EnvMasking() {
    }

    public static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The same variables in the same order, secret values replaced by {@link #MASK}. */
    public static Map<String, String> masked(Map<String, String> env) {
        Map<String, String> shown = new LinkedHashMap<>();
        env.forEach((name, value) -> shown.put(name, isSecret(name) ? MASK : value));
        return shown;
    }
}
