package dev.muster.dispatch.control;

import dev.muster.jobs.entity.JobSpec;
import dev.muster.jobs.entity.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Per-pool settings with server-wide defaults: {@code muster.pool.<pool>.<key>} overrides {@code muster.<key>}
 * (e.g. {@code muster.pool.browser.lease-seconds=60} over {@code muster.lease.seconds=15}). Read on each use, so a
 * pool needs no declaration.
 */
@ApplicationScoped
public class PoolSettings {

    static final int DEFAULT_LEASE_SECONDS = 15;
    static final int DEFAULT_HEARTBEAT_SECONDS = 5;
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final int DEFAULT_RETRY_BACKOFF_SECONDS = 5;

    @Inject
    Config config;

    /** How long a lease lasts without a heartbeat. */
    public Duration lease(String pool) {
        return Duration.ofSeconds(Math.max(1, number(pool, "lease-seconds", "muster.lease.seconds", DEFAULT_LEASE_SECONDS)));
    }

    /** How often workers of the pool are told to heartbeat: never less than three times per lease. */
    public Duration heartbeat(String pool) {
        int heartbeat = number(pool, "heartbeat-seconds", "muster.heartbeat.seconds", DEFAULT_HEARTBEAT_SECONDS);
        return Duration.ofSeconds(Math.max(1, Math.min(heartbeat, lease(pool).toSeconds() / 3)));
    }

    /** The retry policy of a job: what its spec says, the pool's defaults for the rest. */
    public RetryPolicy retryPolicy(JobSpec spec) {
        int maxAttempts = spec.maxAttempts() != null ? spec.maxAttempts()
                : number(spec.pool(), "max-attempts", "muster.jobs.max-attempts", DEFAULT_MAX_ATTEMPTS);
        int backoff = spec.retryBackoffSeconds() != null ? spec.retryBackoffSeconds()
                : number(spec.pool(), "retry-backoff-seconds", "muster.jobs.retry-backoff-seconds", DEFAULT_RETRY_BACKOFF_SECONDS);
        List<Integer> exitCodes = spec.retryOnExitCodes() == null ? List.of() : spec.retryOnExitCodes();
        return RetryPolicy.of(Math.max(1, maxAttempts), exitCodes, Math.max(0, backoff));
    }

    /** The longest lease of any pool: after an outage, the reaper waits this long before it reaps. */
    public Duration longestLease() {
        long longest = lease("default").toSeconds();
        for (String name : StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList()) {
            // Environment variables keep their own spelling in the list of names.
            if ((name.startsWith("muster.pool.") && name.endsWith(".lease-seconds"))
                    || (name.startsWith("MUSTER_POOL_") && name.endsWith("_LEASE_SECONDS"))) {
                longest = Math.max(longest, config.getOptionalValue(name, Integer.class).orElse(0));
            }
        }
        return Duration.ofSeconds(longest);
    }

    private int number(String pool, String poolKey, String serverKey, int fallback) {
        return config.getOptionalValue("muster.pool." + pool + "." + poolKey, Integer.class)
                .or(() -> config.getOptionalValue(serverKey, Integer.class))
                .orElse(fallback);
    }
}
