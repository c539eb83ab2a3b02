package dev.muster.worker.protocol;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code initial} doubling up to {@code max}. The jitter (±25 %) keeps a
 * fleet of workers from hammering a server in lock-step when it comes back after a restart.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    /** The pause before retry number {@code retry} (0 = the first retry). */
    public Duration delay(int retry) {
        long base = initial.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, max.toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }
}
