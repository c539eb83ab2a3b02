package dev.muster.chaos;

import dev.muster.chaos.Snapshot.AttemptRow;
import dev.muster.chaos.Snapshot.JobRow;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The kinds of job in the mix (commands: {@link Workload#plan}) and how each must end. Faults may add lost or abandoned
 * attempts to any job; they must not change its outcome, except that a job whose every attempt was lost may end
 * FAILED {@code worker-lost} once it is out of attempts.
 */
enum JobKind {
    NOOP(30), ECHO(20), SEQ_LOG(15), EXIT_3(10), RETRY_ONCE(10), LONG(12), TIMEOUT(3),
    /** Only submitted by the term-ignoring-job scenario. */
    TERM_IGNORING(0),
    /** Only submitted by the term-ignoring-job scenario, then cancelled while it runs. */
    CANCEL_RUNNING(0),
    /** Submitted to a pool nobody serves, then cancelled while queued. */
    CANCEL_QUEUED(0);

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(values()).mapToInt(kind -> kind.weight).sum();

    private final int weight;

    JobKind(int weight) {
        this.weight = weight;
    }

    static JobKind draw(Random random) {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (JobKind kind : values()) {
            pick -= kind.weight;
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /**
     * Why this terminal job did not end as its kind must, or null when it did.
     *
     * @param attempts     the job's attempts by number
     * @param cancelStatus the HTTP status of the harness's cancel request, null when it sent none
     */
    String misfit(JobRow job, List<AttemptRow> attempts, Integer cancelStatus) {
        if (exhaustedByLostWorkers(job, attempts) && this != CANCEL_QUEUED) {
            return null;
        }
        return switch (this) {
            case NOOP, ECHO, SEQ_LOG, LONG -> expect(job, "SUCCEEDED", null, 0);
            case EXIT_3 -> expect(job, "FAILED", "exit-code", 3);
            case RETRY_ONCE -> retriedOnce(job, attempts);
            case TIMEOUT, TERM_IGNORING -> expect(job, "TIMED_OUT", "timeout", null);
            // No cancel sent: the harness gave up waiting to see it RUNNING (it sat behind a long backlog), so it
            // must simply run to its end.
            case CANCEL_RUNNING -> cancelStatus == null ? expect(job, "SUCCEEDED", null, 0)
                    : cancelStatus == 200 || cancelStatus == 202 ? expect(job, "CANCELLED", "cancelled", null)
                    : cancelStatus == 409 ? null
                    : "cancel answered " + cancelStatus;
            case CANCEL_QUEUED -> cancelStatus == null || cancelStatus != 200 ? "cancel of a queued job answered " + cancelStatus
                    : job.attemptCount() != 0 ? "ran " + job.attemptCount() + " attempt(s) in a pool without workers"
                    : expect(job, "CANCELLED", "cancelled", null);
        };
    }

    /** Ran a first time (exit 75, retryable), then a second time (exit 0); lost attempts may come on top. */
    private static String retriedOnce(JobRow job, List<AttemptRow> attempts) {
        String outcome = expect(job, "SUCCEEDED", null, 0);
        if (outcome != null) {
            return outcome;
        }
        long retryable = attempts.stream().filter(a -> a.exited(75)).count();
        boolean anyLost = attempts.stream().anyMatch(AttemptRow::isWorkerFailure);
        if (retryable > 1) {
            return "exited 75 " + retryable + " times; the marker file should have made it succeed the second time";
        }
        if (!anyLost && (job.attemptCount() != 2 || retryable != 1)) {
            return "expected 2 attempts (exit 75, then exit 0) and no lost one, got " + job.attemptCount()
                    + " with " + retryable + " exit 75";
        }
        return null;
    }

    private static boolean exhaustedByLostWorkers(JobRow job, List<AttemptRow> attempts) {
        return job.state().equals("FAILED") && !attempts.isEmpty() && job.attemptCount() >= job.maxAttempts()
                && attempts.stream().allMatch(AttemptRow::isWorkerFailure);
    }

    private static String expect(JobRow job, String state, String reason, Integer exitCode) {
        if (!job.state().equals(state) || !Objects.equals(job.reason(), reason)
                || (exitCode != null && !exitCode.equals(job.exitCode()))) {
            return "expected " + state + (reason == null ? "" : " (" + reason + ")") + (exitCode == null ? "" : " exit " + exitCode)
                    + ", got " + job.state() + (job.reason() == null ? "" : " (" + job.reason() + ")")
                    + (job.exitCode() == null ? "" : " exit " + job.exitCode());
        }
        return null;
    }
}
