package dev.muster.jobs.entity;

import dev.muster.platform.Refused;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The operator's limits on what one job may carry, below the hard ceilings {@link JobSpec} declares. Sizes are counted
 * in UTF-8 bytes, as they travel and are stored: a byte size over its limit is refused with 413, a count with 422,
 * each naming the field and the setting that decides it.
 */
public record JobLimits(int commandBytes, int scriptBytes, int envEntries, int envBytes, int labels, int batchJobs) {

    public static final JobLimits DEFAULTS = new JobLimits(65_536, 262_144, 100, 131_072, Labels.MAX, 500);

    /** @throws Refused 413 or 422 naming the first field over its limit */
    public void check(JobSpec spec) {
        bytes("command", spec.command(), commandBytes, "command-bytes");
        bytes("script", spec.script(), scriptBytes, "script-bytes");
        count("env", spec.env().size(), envEntries, "env-entries", "variables");
        long env = 0;
        for (Map.Entry<String, String> variable : spec.env().entrySet()) {
            env += utf8(variable.getKey()) + 1 + utf8(variable.getValue());
        }
        if (env > envBytes) {
            throw Refused.tooLarge("env", "is " + env + " bytes (names, '=' and values), more than the limit of "
                    + envBytes + " (muster.limits.env-bytes)");
        }
        count("labels", spec.labels().size(), labels, "labels", "labels");
    }

    /** @throws Refused 422 naming {@code jobs} when a batch holds more jobs than allowed, or none */
    public void checkBatch(int jobs) {
        if (jobs == 0) {
            throw Refused.unprocessable("jobs", "must hold at least one job");
        }
        count("jobs", jobs, batchJobs, "batch-jobs", "jobs");
    }

    private static void bytes(String field, String value, int limit, String key) {
        int size = value == null ? 0 : utf8(value);
        if (size > limit) {
            throw Refused.tooLarge(field, "is " + size + " bytes, more than the limit of " + limit
                    + " (muster.limits." + key + ")");
        }
    }

    private static void count(String field, int size, int limit, String key, String what) {
        if (size > limit) {
            throw Refused.unprocessable(field, "has " + size + " " + what + ", more than the limit of " + limit
                    + " (muster.limits." + key + ")");
        }
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
