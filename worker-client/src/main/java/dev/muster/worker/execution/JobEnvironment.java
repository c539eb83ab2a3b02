package dev.muster.worker.execution;

import dev.muster.worker.protocol.LeasedJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the worker's environment variables a job sees. A job runs code somebody else submitted, so it gets
 * only allow-listed variables of the worker's environment, then its own {@code env} on top. Anything named
 * {@code MUSTER_*} — the worker's API and enrolment tokens among them — never passes the list, whatever it says;
 * a job sees such a variable only when it sets it itself (and always {@code MUSTER_JOB_ID}, {@code MUSTER_ATTEMPT_ID}).
 *
 * <p>A pattern is a variable name, or a prefix followed by {@code *} ({@code LC_*}); names are case-sensitive.
 */
public final class JobEnvironment {

    public static final List<String> DEFAULT_ALLOW =
            List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_*", "TZ", "TMPDIR", "TERM", "SHELL");
    public static final JobEnvironment DEFAULT = new JobEnvironment(DEFAULT_ALLOW);

    private static final String NEVER_PASSED = "MUSTER_";

    private final List<String> allow;

    /** @throws IllegalArgumentException for a blank pattern or one with {@code *} anywhere but at its end */
    public JobEnvironment(List<String> allow) {
        for (String pattern : allow) {
            int star = pattern.indexOf('*');
            if (pattern.isBlank() || (star >= 0 && star != pattern.length() - 1)) {
                throw new IllegalArgumentException("not a variable name or NAME* pattern: '" + pattern + "'");
            }
        }
        this.allow = List.copyOf(allow);
    }

    public List<String> allowList() {
        return allow;
    }

    boolean passes(String name) {
        if (name.startsWith(NEVER_PASSED)) {
            return false;
        }
        return allow.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                : name.equals(pattern));
    }

    /** The complete environment of the job's process. */
    Map<String, String> forJob(Map<String, String> workerEnvironment, LeasedJob job) {
        Map<String, String> env = new LinkedHashMap<>();
        workerEnvironment.forEach((name, value) -> {
            if (passes(name)) {
                env.put(name, value);
            }
        });
        env.put("MUSTER_JOB_ID", job.jobId());
        env.put("MUSTER_ATTEMPT_ID", job.attemptId());
        env.putAll(job.env());
        return env;
    }
}
