package dev.muster.jobs.control;

import dev.muster.jobs.entity.JobLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the submission limits ({@code muster.limits.*}, e.g. {@code MUSTER_LIMITS_COMMAND_BYTES}) on each use, with
 * the defaults of {@link JobLimits#DEFAULTS}. A limit cannot be raised past the hard ceiling {@code JobSpec} declares;
 * such a setting simply leaves the ceiling in charge.
 */
@ApplicationScoped
public class SubmissionLimits {

    @Inject
    Config config;

    public JobLimits current() {
        JobLimits d = JobLimits.DEFAULTS;
        return new JobLimits(number("command-bytes", d.commandBytes()), number("script-bytes", d.scriptBytes()),
                number("env-entries", d.envEntries()), number("env-bytes", d.envBytes()),
                number("labels", d.labels()), number("batch-jobs", d.batchJobs()));
    }

    private int number(String key, int fallback) {
        return config.getOptionalValue("muster.limits." + key, Integer.class).orElse(fallback);
    }
}
