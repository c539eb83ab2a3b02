package dev.muster.worker.execution;

import dev.muster.worker.protocol.AttemptLease;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attempts this worker is running, and so its free slots: the lease loop asks for work only while
 * fewer than {@code slots} attempts run. Shared by the lease loop, the heartbeat, the attempt threads and
 * shutdown; every method is atomic.
 */
final class RunningAttempts {

    private final int slots;
    private final Map<String, Attempt> running = new LinkedHashMap<>();
    private StopReason stoppingAll;

    RunningAttempts(int slots) {
        this.slots = slots;
    }

    /** Blocks until at least one slot is free, and answers how many are. */
    synchronized int awaitFreeSlots() throws InterruptedException {
        while (running.size() >= slots) {
            wait();
        }
        return slots - running.size();
    }

    /** Adds an attempt; one that arrives after {@link #stopAll} (a lease answer on its way) is stopped at once. */
    synchronized void add(Attempt attempt) {
        running.put(attempt.id(), attempt);
        if (stoppingAll != null) {
            attempt.stop(stoppingAll);
        }
    }

    synchronized void remove(Attempt attempt) {
        running.remove(attempt.id(), attempt);
        notifyAll();
    }

    synchronized List<AttemptLease> leases() {
        return running.values().stream().map(Attempt::lease).toList();
    }

    synchronized Optional<Attempt> find(String attemptId) {
        return Optional.ofNullable(running.get(attemptId));
    }

    synchronized int size() {
        return running.size();
    }

    /** Stops every attempt, and every one added from now on, and ends {@link #awaitDrained} early. */
    synchronized void stopAll(StopReason reason) {
        if (stoppingAll == null) {
            stoppingAll = reason;
        }
        running.values().forEach(attempt -> attempt.stop(reason));
        notifyAll();
    }

    /**
     * Waits until no attempt runs, {@code drain} has passed, or {@link #stopAll} cut the drain short.
     * @return whether no attempt runs any more
     */
    synchronized boolean awaitDrained(Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (!running.isEmpty() && stoppingAll == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return running.isEmpty();
    }

    /** @return whether no attempt runs any more */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
