package dev.muster.dispatch.boundary;

import dev.muster.workers.entity.Worker;
import jakarta.ws.rs.container.AsyncResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker's parked long-poll. It is answered exactly once: with jobs by a dispatcher, or empty when its wait ends;
 * whoever loses that race learns it from {@link #answer} returning false.
 */
final class LeaseWaiter {

    private final Worker worker;
    private final int slots;
    private final Instant deadline;
    private final AsyncResponse response;
    private final AtomicBoolean answered = new AtomicBoolean();

    LeaseWaiter(Worker worker, int slots, Instant deadline, AsyncResponse response) {
        this.worker = worker;
        this.slots = slots;
        this.deadline = deadline;
        this.response = response;
    }

    Worker worker() {
        return worker;
    }

    int slots() {
        return slots;
    }

    Duration remaining(Instant now) {
        return Duration.between(now, deadline);
    }

    boolean isWaiting() {
        return !answered.get() && response.isSuspended();
    }

    boolean answer(Object entity) {
        return answered.compareAndSet(false, true) && response.resume(entity);
    }
}
