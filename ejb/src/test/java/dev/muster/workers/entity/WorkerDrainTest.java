package dev.muster.workers.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerDrainTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final Worker worker = new Worker("w1", new WorkerRegistration("box", null, List.of(), 2, "1", null, null), "hash", "enrolment", now);

    @Test
    void aDrainingWorkerStaysDrainingWhenItCallsInUntilResumed() {
        worker.drain();
        worker.seen(now.plusSeconds(5));
        assertThat(worker.isDraining()).isTrue();
        assertThat(worker.lastSeenAt()).isEqualTo(now.plusSeconds(5));

        worker.resume();
        assertThat(worker.isDraining()).isFalse();
        assertThat(worker.state()).isEqualTo(Worker.ONLINE);
    }

    @Test
    void aWorkerThatLeftCanNeitherDrainNorResume() {
        worker.leave();
        assertThatThrownBy(worker::drain).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(worker::resume).isInstanceOf(IllegalStateException.class);
        assertThat(worker.state()).isEqualTo(Worker.GONE);
    }
}
