package dev.muster.console.control;

import dev.muster.workers.entity.Worker;
import dev.muster.workers.entity.WorkerRegistration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPresenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant OFFLINE_SINCE = NOW.minusSeconds(90);

    private static Worker seenAt(Instant seen) {
        return new Worker("w1", new WorkerRegistration("box", "default", List.of(), 2, "1", null, null), "hash", "enrolment", seen);
    }

    @Test
    void aWorkerThatCallsInIsIdleOrBusy() {
        assertThat(WorkerPresence.of(seenAt(NOW), 0, OFFLINE_SINCE)).isEqualTo(WorkerPresence.IDLE);
        assertThat(WorkerPresence.of(seenAt(NOW), 2, OFFLINE_SINCE)).isEqualTo(WorkerPresence.BUSY);
    }

    @Test
    void drainingShowsEvenWhileItStillRunsJobs() {
        Worker worker = seenAt(NOW);
        worker.drain();
        assertThat(WorkerPresence.of(worker, 1, OFFLINE_SINCE)).isEqualTo(WorkerPresence.DRAINING);
    }

    @Test
    void aWorkerNotSeenForTooLongIsOfflineAndOneThatLeftIsGone() {
        assertThat(WorkerPresence.of(seenAt(NOW.minusSeconds(91)), 1, OFFLINE_SINCE)).isEqualTo(WorkerPresence.OFFLINE);
        Worker gone = seenAt(NOW);
        gone.leave();
        assertThat(WorkerPresence.of(gone, 0, OFFLINE_SINCE)).isEqualTo(WorkerPresence.GONE);
    }
}
