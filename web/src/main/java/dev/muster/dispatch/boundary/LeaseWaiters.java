package dev.muster.dispatch.boundary;

import dev.muster.dispatch.control.LeaseGrants;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import dev.muster.workers.control.WorkerSteering;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parked long-polls of this instance, grouped by what they can run (pool and label set), each group served by
 * one {@link PoolDispatcher} thread that exists only while the group has waiters. Memory per idle worker is one
 * suspended response; threads are per group, not per worker.
 */
@ApplicationScoped
public class LeaseWaiters {

    @Inject
    LeaseGrants grants;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private final Map<String, PoolDispatcher> dispatchers = new HashMap<>();

    synchronized void park(LeaseWaiter waiter) {
        String key = waiter.worker().pool() + "|" + waiter.worker().labels().canonical();
        PoolDispatcher dispatcher = dispatchers.get(key);
        if (dispatcher == null || !dispatcher.offer(waiter)) {
            dispatcher = new PoolDispatcher(key, grants, clock, this::retire, LeaseResource::leaseAnswer);
            dispatcher.offer(waiter);
            dispatchers.put(key, dispatcher);
            threads.newThread(dispatcher).start();
        }
    }

    /** Removes a dispatcher that is idle (or already retired because it stopped). */
    private synchronized boolean retire(PoolDispatcher dispatcher) {
        if (dispatcher.retireIfIdle()) {
            dispatchers.remove(dispatcher.key(), dispatcher);
            return true;
        }
        return false;
    }

    /**
     * A worker set to drain gets its parked long-poll answered (empty) at once, instead of a job that arrives before
     * the poll ends; its next poll finds it draining. A poll parked on another instance is not reached from here and
     * may still take one job within its wait (at most {@code muster.lease.max-wait-seconds}).
     */
    void dismiss(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkerSteering.WorkerDraining draining) {
        List<PoolDispatcher> current;
        synchronized (this) {
            current = List.copyOf(dispatchers.values());
        }
        current.forEach(dispatcher -> dispatcher.dismiss(draining.workerId()));
    }

    @PreDestroy
    synchronized void stopAll() {
        dispatchers.values().forEach(PoolDispatcher::stop);
        dispatchers.clear();
    }

}
