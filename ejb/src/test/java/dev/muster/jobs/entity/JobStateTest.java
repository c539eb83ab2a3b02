package dev.muster.jobs.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStateTest {

    @ParameterizedTest
    @EnumSource(value = JobState.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"})
    void terminalStatesAreFinal(JobState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (JobState target : JobState.values()) {
            assertThatThrownBy(() -> terminal.moveTo(target)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(terminal + " to " + target);
        }
    }

    @Test
    void aQueuedJobCanStartOrBeCancelledButNotFinish() {
        assertThat(JobState.QUEUED.moveTo(JobState.RUNNING)).isEqualTo(JobState.RUNNING);
        assertThat(JobState.QUEUED.moveTo(JobState.CANCELLED)).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> JobState.QUEUED.moveTo(JobState.SUCCEEDED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JobState.QUEUED.moveTo(JobState.QUEUED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunningJobCanEndEveryWayOrGoBackToTheQueue() {
        assertThat(JobState.RUNNING.next()).containsExactlyInAnyOrder(
                JobState.QUEUED, JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED, JobState.TIMED_OUT);
        assertThat(JobState.RUNNING.isTerminal()).isFalse();
    }
}
