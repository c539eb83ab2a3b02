package dev.muster.jobs.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetriesAndCancellationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Job aJob(int maxAttempts, List<Integer> retryExitCodes) {
        JobSpec spec = new JobSpec(null, "make test", null, null, null, null, 30, maxAttempts, retryExitCodes, 5, "key-1", null, null, null);
        return new Job("job-1", spec, RetryPolicy.of(maxAttempts, retryExitCodes, 5), "{}", T0);
    }

    private static Attempt run(Job job, String attemptId) {
        return job.start(attemptId, "w-1", "t-" + attemptId, T0.plusSeconds(15), T0);
    }

    @Test
    void aLostAttemptIsRetriedWhileAttemptsRemainThenTheJobFailsAsWorkerLostAndIsDeadLettered() {
        Job job = aJob(2, List.of());
        job.finish(run(job, "a-1"), AttemptState.LOST, null, "lease expired", T0.plusSeconds(20));
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.isDeadLettered()).isFalse();

        job.finish(run(job, "a-2"), AttemptState.LOST, null, "lease expired", T0.plusSeconds(40));
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).isEqualTo("worker-lost");
        assertThat(job.isDeadLettered()).isTrue();
        assertThat(job.deadLetteredAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void anAbandonedAttemptIsRetriedLikeALostOne() {
        Job job = aJob(2, List.of());
        job.finish(run(job, "a-1"), AttemptState.ABANDONED, null, "worker shut down", T0);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        job.finish(run(job, "a-2"), AttemptState.ABANDONED, null, "worker shut down", T0);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).isEqualTo("worker-shutdown");
    }

    @Test
    void onlyTheConfiguredExitCodesAreRetried() {
        Job retried = aJob(3, List.of(75));
        retried.finish(run(retried, "a-1"), AttemptState.EXITED, 75, null, T0);
        assertThat(retried.state()).isEqualTo(JobState.QUEUED);
        retried.finish(run(retried, "a-2"), AttemptState.EXITED, 0, null, T0);
        assertThat(retried.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(retried.reason()).isNull();
        assertThat(retried.attemptCount()).isEqualTo(2);
        assertThat(retried.isDeadLettered()).isFalse();

        Job failed = aJob(3, List.of(75));
        failed.finish(run(failed, "a-1"), AttemptState.EXITED, 1, null, T0);
        assertThat(failed.state()).as("exit 1 is not retryable").isEqualTo(JobState.FAILED);
        assertThat(failed.reason()).isEqualTo("exit-code");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.isDeadLettered()).isFalse();
    }

    @Test
    void aJobOutOfAttemptsOnARetryableExitCodeKeepsThatExitCodeAndIsDeadLettered() {
        Job job = aJob(1, List.of(75));
        job.finish(run(job, "a-1"), AttemptState.EXITED, 75, null, T0);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.exitCode()).isEqualTo(75);
        assertThat(job.isDeadLettered()).isTrue();
    }

    @Test
    void timeoutsErrorsAndCancelsAreNeverRetried() {
        for (AttemptState outcome : List.of(AttemptState.TIMED_OUT, AttemptState.ERROR, AttemptState.CANCELLED)) {
            Job job = aJob(3, List.of());
            job.finish(run(job, "a-1"), outcome, null, null, T0);
            assertThat(job.state().isTerminal()).as(outcome.name()).isTrue();
            assertThat(job.isDeadLettered()).as(outcome.name()).isFalse();
        }
    }

    @Test
    void cancellingAQueuedJobEndsItAtOnceAndAgainChangesNothing() {
        Job job = aJob(3, List.of());
        job.cancel(T0.plusSeconds(1));
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.reason()).isEqualTo("cancelled");
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(1));
        job.cancel(T0.plusSeconds(9));
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThatThrownBy(() -> job.start("a-1", "w", "t", T0, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelledRunningJobEndsCancelledHoweverItsAttemptEndsExceptByExiting() {
        for (AttemptState outcome : List.of(AttemptState.CANCELLED, AttemptState.LOST, AttemptState.ABANDONED,
                AttemptState.TIMED_OUT)) {
            Job job = aJob(3, List.of());
            Attempt attempt = run(job, "a-1");
            job.cancel(T0);
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.isCancelRequested()).isTrue();
            job.finish(attempt, outcome, null, null, T0.plusSeconds(3));
            assertThat(job.state()).as(outcome.name()).isEqualTo(JobState.CANCELLED);
            assertThat(job.isDeadLettered()).isFalse();
        }
        Job exited = aJob(3, List.of(75));
        Attempt attempt = run(exited, "a-1");
        exited.cancel(T0);
        exited.finish(attempt, AttemptState.EXITED, 75, null, T0);
        assertThat(exited.state()).as("an exit before the kill stands, and is not retried").isEqualTo(JobState.FAILED);
        assertThat(exited.isDeadLettered()).isFalse();
    }

    @Test
    void cancellingAnEndedJobChangesNothing() {
        Job job = aJob(1, List.of());
        job.finish(run(job, "a-1"), AttemptState.EXITED, 0, null, T0);
        job.cancel(T0.plusSeconds(5));
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.isCancelRequested()).isFalse();
    }

    @Test
    void aWithdrawnAttemptCostsNoAttempt() {
        Job job = aJob(1, List.of());
        Attempt never = run(job, "a-1");
        job.withdraw(never);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.attemptCount()).isZero();
        assertThat(job.startedAt()).isNull();
        assertThat(run(job, "a-2").number()).isEqualTo(1);
    }

    @Test
    void anAttemptIsOverdueOnlyPastTimeoutAndGrace() {
        Job job = aJob(1, List.of());
        Attempt attempt = run(job, "a-1");
        Duration grace = Duration.ofSeconds(10);
        assertThat(job.isOverdue(attempt, grace, T0.plusSeconds(40))).isFalse();
        assertThat(job.isOverdue(attempt, grace, T0.plusSeconds(41))).isTrue();
        job.finish(attempt, AttemptState.TIMED_OUT, null, null, T0.plusSeconds(41));
        assertThat(job.isOverdue(attempt, grace, T0.plusSeconds(100))).as("an ended job").isFalse();
    }

    @Test
    void anIdempotentResubmissionMatchesOnlyTheSameRequest() {
        Job job = aJob(3, List.of(75));
        JobSpec same = new JobSpec(null, "make test", null, null, null, null, 30, null, null, null, "key-1", null, null, null);
        assertThat(job.sameRequestAs(same, "{}")).isTrue();
        assertThat(job.sameRequestAs(new JobSpec(null, "make test", null, null, null, null, 30, 3, List.of(75), 5, "key-1", null, null, null), "{}")).isTrue();
        assertThat(job.sameRequestAs(JobSpec.shell("make other").withIdempotencyKey("key-1"), "{}")).isFalse();
        assertThat(job.sameRequestAs(same, "{\"A\":\"1\"}")).isFalse();
        assertThat(job.sameRequestAs(new JobSpec(null, "make test", Map.of(), null, null, null, 30, 5, null, null, "key-1", null, null, null), "{}")).isFalse();
    }

    @Test
    void aDispatchMessageIsDueOnlyForTheJobsCurrentTripThroughTheQueue() {
        Job job = aJob(3, List.of());
        assertThat(job.isDue(1)).isTrue();
        assertThat(job.isDue(2)).as("a generation the job has not reached").isFalse();
        Attempt first = run(job, "a-1");
        assertThat(job.isDue(1)).as("a redelivery of the message already leased").isFalse();
        job.finish(first, AttemptState.LOST, null, null, T0);
        assertThat(job.isDue(2)).isTrue();
        assertThat(job.isDue(1)).as("a leftover of the first trip").isFalse();

        Attempt never = run(job, "a-2");
        job.withdraw(never);
        assertThat(job.isDue(3)).as("a withdrawn lease queues the job again, as a new trip").isTrue();
        job.cancel(T0);
        assertThat(job.isDue(3)).as("a cancelled job").isFalse();
    }
}
