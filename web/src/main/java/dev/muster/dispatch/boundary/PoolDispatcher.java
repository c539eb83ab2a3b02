package dev.muster.dispatch.boundary;

import dev.muster.dispatch.control.Assignment;
import dev.muster.dispatch.control.LeaseGrants;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Serves the waiting workers of one pool and label set on this instance, oldest first. It receives from the broker
 * only while someone waits, and blocks in that receive — so a routed job is handed over the moment it arrives, with
 * no polling interval, and jobs nobody here waits for stay in the broker for other instances.
 *
 * <p>Concurrency contract: {@link #offer} and {@link #retireIfIdle} are called under {@link LeaseWaiters}' lock;
 * the waiter queue is guarded by this object's monitor; one thread runs {@link #run}.
 */
final class PoolDispatcher implements Runnable {

    private static final System.Logger LOG = System.getLogger(PoolDispatcher.class.getName());
    /** Longest single broker receive, so expired waiters are answered and shutdown is noticed promptly. */
    private static final Duration MAX_RECEIVE = Duration.ofSeconds(2);
    private static final Duration IDLE_RETIREMENT = Duration.ofSeconds(30);

    private final String key;
    private final LeaseGrants grants;
    private final Clock clock;
    private final Function<PoolDispatcher, Boolean> retire;
    private final Function<List<Assignment>, Object> answerFor;
    private final Deque<LeaseWaiter> waiters = new ArrayDeque<>();
    private volatile boolean stopped;
    private boolean retired;

    PoolDispatcher(String key, LeaseGrants grants, Clock clock, Function<PoolDispatcher, Boolean> retire,
                   Function<List<Assignment>, Object> answerFor) {
        this.key = key;
        this.grants = grants;
        this.clock = clock;
        this.retire = retire;
        this.answerFor = answerFor;
    }

    String key() {
        return key;
    }

    /** @return false once this dispatcher has retired; the caller then starts a new one */
    synchronized boolean offer(LeaseWaiter waiter) {
        if (retired) {
            return false;
        }
        waiters.addLast(waiter);
        notifyAll();
        return true;
    }

    /**
     * Answers (empty) the waiters of a worker that must take no more work: one that is leaving (a closed browser
     * tab's long-poll would otherwise stay parked and could be granted a job nobody runs until its lease expires) or
     * one set to drain. A grant already under way for one of them fails to answer and is released by {@link #serve}.
     */
    void dismiss(String workerId) {
        List<LeaseWaiter> leaving;
        synchronized (this) {
            leaving = waiters.stream().filter(waiter -> waiter.worker().id().equals(workerId)).toList();
            waiters.removeAll(leaving);
        }
        leaving.forEach(waiter -> waiter.answer(answerFor.apply(List.of())));
    }

    synchronized boolean retireIfIdle() {
        retired = waiters.isEmpty();
        return retired;
    }

    void stop() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                try {
                    LeaseWaiter waiter = oldestWaiting();
                    if (waiter == null) {
                        if (idleFor(IDLE_RETIREMENT) && retire.apply(this)) {
                            return;
                        }
                        continue;
                    }
                    serve(waiter);
                } catch (RuntimeException e) {
                    // Broker or database trouble (also while releasing): waiters keep waiting; back off so a dead
                    // backend is not hammered, and never let the thread die with waiters parked on it.
                    LOG.log(Level.WARNING, "dispatch for " + key + " failed, retrying in 1 s: " + e);
                    pause(Duration.ofSeconds(1));
                }
            }
        } finally {
            abandon();
        }
    }

    private void serve(LeaseWaiter waiter) {
        Duration wait = waiter.remaining(clock.instant());
        wait = wait.compareTo(MAX_RECEIVE) > 0 ? MAX_RECEIVE : wait;
        List<Assignment> granted = grants.grant(waiter.worker(), waiter.slots(), wait);
        if (granted.isEmpty()) {
            return;
        }
        synchronized (this) {
            waiters.remove(waiter);
        }
        if (!waiter.answer(answerFor.apply(granted))) {
            grants.release(granted);
        }
    }

    /** On the way out (stop or an unexpected error), nobody may stay parked on a dispatcher that no longer runs. */
    private void abandon() {
        List<LeaseWaiter> left;
        synchronized (this) {
            retired = true;
            left = List.copyOf(waiters);
            waiters.clear();
        }
        retire.apply(this);
        left.forEach(waiter -> waiter.answer(answerFor.apply(List.of())));
    }

    /** The oldest waiter still waiting; answers (empty) those whose wait is over. */
    private LeaseWaiter oldestWaiting() {
        Instant now = clock.instant();
        synchronized (this) {
            while (!waiters.isEmpty()) {
                LeaseWaiter first = waiters.peekFirst();
                if (first.isWaiting() && first.remaining(now).toMillis() > 0) {
                    return first;
                }
                waiters.removeFirst();
                first.answer(answerFor.apply(List.of()));
            }
            return null;
        }
    }

    /**
     * Sleeps until a waiter arrives (or {@code duration} passes). Checks under the same lock that {@link #offer}
     * notifies under, so an offer made just before cannot be missed.
     *
     * @return true when the wait ended with nobody waiting
     */
    private synchronized boolean idleFor(Duration duration) {
        if (waiters.isEmpty() && !stopped) {
            try {
                wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        return waiters.isEmpty();
    }

    private synchronized void pause(Duration duration) {
        try {
            wait(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
