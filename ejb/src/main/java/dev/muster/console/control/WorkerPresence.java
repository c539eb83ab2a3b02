package dev.muster.console.control;

import dev.muster.workers.entity.Worker;

import java.time.Instant;

/**
 * How the console shows a worker: its registered state, refined by what it is doing and whether it still calls in.
 * A worker that has not been seen since {@code offlineSince} is offline even though it never said goodbye.
 */
public enum WorkerPresence {
    IDLE, BUSY, DRAINING, OFFLINE, GONE;

    public static WorkerPresence of(Worker worker, int activeAttempts, Instant offlineSince) {
        if (Worker.GONE.equals(worker.state())) {
            return GONE;
        }
        if (worker.lastSeenAt().isBefore(offlineSince)) {
            return OFFLINE;
        }
        if (worker.isDraining()) {
            return DRAINING;
        }
        return activeAttempts > 0 ? BUSY : IDLE;
    }
}
