package dev.muster.jobs.entity;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a job runs again: after a lost or abandoned attempt, or an exit code the submitter marked retryable, while
 * fewer than {@code maxAttempts} attempts have run. The n-th retry waits {@code backoffSeconds × 2^(n-1)}, capped
 * at {@link #MAX_DELAY}, of which a random 50–100 % is taken, so jobs that failed together do not all come back
 * together.
 */
public record RetryPolicy(int maxAttempts, SortedSet<Integer> exitCodes, int backoffSeconds) {

    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (backoffSeconds < 0) {
            throw new IllegalArgumentException("backoffSeconds must not be negative");
        }
        exitCodes = new TreeSet<>(exitCodes);
    }

    public static RetryPolicy of(int maxAttempts, Collection<Integer> exitCodes, int backoffSeconds) {
        return new RetryPolicy(maxAttempts, new TreeSet<>(exitCodes), backoffSeconds);
    }

    public boolean retriesExitCode(Integer exitCode) {
        return exitCode != null && exitCodes.contains(exitCode);
    }

    /**
     * @param retry  1 for the first retry (before attempt 2), 2 for the second…
     * @param jitter a random number in [0, 1)
     */
    public Duration delayBefore(int retry, double jitter) {
        if (backoffSeconds == 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(Math.max(retry - 1, 0), 20);
        long seconds = Math.min((long) backoffSeconds << doublings, MAX_DELAY.toSeconds());
        return Duration.ofMillis(Math.round(seconds * 1000 * (0.5 + 0.5 * jitter)));
    }

    /** The form stored in {@code jobs.retry_exit_codes}: sorted, comma-separated, '' for none. */
    String exitCodesColumn() {
        return exitCodes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static SortedSet<Integer> parseExitCodes(String column) {
        return column == null || column.isEmpty() ? new TreeSet<>()
                : Arrays.stream(column.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }
}
