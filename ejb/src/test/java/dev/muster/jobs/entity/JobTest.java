package dev.muster.jobs.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Job aQueuedJob() {
        return new Job("job-1", new JobSpec(null, "make test", null, "build", List.of("linux", "java"), 7, 60,
                null, null, null, null, null, null, null), RetryPolicy.of(3, List.of(), 5), "{}", T0);
    }

    @Test
    void aNewJobIsQueuedWithItsSpecAndDefaults() {
        Job job = aQueuedJob();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.labels().canonical()).isEqualTo("java,linux");
        assertThat(job.priority()).isEqualTo(7);
        assertThat(job.attemptCount()).isZero();
        Job defaults = new Job("job-2", JobSpec.shell("true"), RetryPolicy.of(1, List.of(), 0), "{}", T0);
        assertThat(defaults.pool()).isEqualTo("default");
        assertThat(defaults.priority()).isEqualTo(JobSpec.DEFAULT_PRIORITY);
        assertThat(defaults.kind()).isEqualTo("shell");
    }

    @Test
    void startingLeasesANewAttemptToTheWorker() {
        Job job = aQueuedJob();
        Attempt attempt = job.start("a-1", "w-1", "token", T0.plusSeconds(15), T0.plusSeconds(1));

        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.currentAttemptId()).isEqualTo("a-1");
        assertThat(job.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(attempt.number()).isEqualTo(1);
        assertThat(attempt.isLeasedBy("w-1", "token")).isTrue();
        assertThat(attempt.isLeasedBy("w-1", "other")).isFalse();
        assertThat(attempt.isLeasedBy("w-2", "token")).isFalse();
    }

    @Test
    void anExitCodeDecidesSuccessOrFailure() {
        Job failed = aQueuedJob();
        Attempt attempt = failed.start("a-1", "w-1", "t", T0, T0);
        failed.finish(attempt, AttemptState.EXITED, 3, null, T0.plusSeconds(2));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(attempt.isLeasedBy("w-1", "t")).as("an ended attempt holds no lease").isFalse();

        Job succeeded = aQueuedJob();
        succeeded.finish(succeeded.start("a-2", "w-1", "t", T0, T0), AttemptState.EXITED, 0, null, T0);
        assertThat(succeeded.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void otherOutcomesMapToTheirStates() {
        Job timedOut = aQueuedJob();
        timedOut.finish(timedOut.start("a", "w", "t", T0, T0), AttemptState.TIMED_OUT, null, null, T0);
        assertThat(timedOut.state()).isEqualTo(JobState.TIMED_OUT);

        Job error = aQueuedJob();
        error.finish(error.start("a", "w", "t", T0, T0), AttemptState.ERROR, null, "no shell", T0);
        assertThat(error.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aLostAttemptPutsTheJobBackInTheQueueForAnotherAttempt() {
        Job job = aQueuedJob();
        Attempt first = job.start("a-1", "w-1", "t1", T0, T0);
        job.finish(first, AttemptState.LOST, null, "gone", T0.plusSeconds(1));

        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.currentAttemptId()).isNull();
        assertThat(job.finishedAt()).isNull();
        Attempt second = job.start("a-2", "w-2", "t2", T0, T0.plusSeconds(2));
        assertThat(second.number()).isEqualTo(2);
        assertThat(job.startedAt()).as("first start is kept").isEqualTo(T0);
    }

    @Test
    void onlyTheCurrentAttemptMayReportAndOnlyOnce() {
        Job job = aQueuedJob();
        Attempt first = job.start("a-1", "w-1", "t1", T0, T0);
        job.finish(first, AttemptState.LOST, null, null, T0);
        job.start("a-2", "w-2", "t2", T0, T0);

        assertThatThrownBy(() -> job.finish(first, AttemptState.EXITED, 0, null, T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the current attempt");
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void anEndedAttemptIsImmutable() {
        Job job = aQueuedJob();
        Attempt attempt = job.start("a-1", "w-1", "t", T0, T0);
        job.finish(attempt, AttemptState.EXITED, 1, null, T0);

        assertThat(attempt.hasEnded(AttemptState.EXITED, 1)).isTrue();
        assertThat(attempt.hasEnded(AttemptState.EXITED, 0)).isFalse();
        assertThatThrownBy(() -> job.finish(attempt, AttemptState.EXITED, 0, null, T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> attempt.extendLease(T0.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLeaseOnlyGrowsLonger() {
        Attempt attempt = aQueuedJob().start("a", "w", "t", T0.plusSeconds(15), T0);
        attempt.extendLease(T0.plusSeconds(5));
        assertThat(attempt.leaseExpiresAt()).isEqualTo(T0.plusSeconds(15));
        attempt.extendLease(T0.plusSeconds(30));
        assertThat(attempt.leaseExpiresAt()).isEqualTo(T0.plusSeconds(30));
    }
}
