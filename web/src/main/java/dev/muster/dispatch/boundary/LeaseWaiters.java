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
 * The parked long-polls of this instance, grouped by what they can run (pool, label set, job kinds), each group served by
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
        String key = waiter.worker().pool() + "|" + waiter.worker().labels().canonical() + "|"
                + String.join(",", waiter.worker().jobKinds());
        PoolDispatcher dispatcher = dispatchers.get(key);
        if (dispatcher == null || !dispatcher.offer(waiter)) {
            dispatcher = new PoolDispatcher(key, grants, clock, this::retire, LeaseResource::leaseAnswer);
            dispatcher.offer(waiter);
            dispatchers.put(key, dispatcher);
            threads.newThread(dispatcher).start();
        }
    }

    /**
     * The worker is leaving or set to drain: its long-polls parked on this instance are answered now, with nothing.
     * A poll parked on another instance is not reached from here and may still take one job within its wait (at most
     * {@code muster.lease.max-wait-seconds}); its next poll finds the worker draining.
     */
    public void dismiss(String workerId) {
        List<PoolDispatcher> current;
        synchronized (this) {
            current = List.copyOf(dispatchers.values());
        }
        current.forEach(dispatcher -> dispatcher.dismiss(workerId));
    }

    /** Removes a dispatcher that is idle (or already retired because it stopped). */
    private synchronized boolean retire(PoolDispatcher dispatcher) {
        if (dispatcher.retireIfIdle()) {
            dispatchers.remove(dispatcher.key(), dispatcher);
            return true;
        }
        return false;
    }

    void onDraining(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkerSteering.WorkerDraining draining) {
        dismiss(draining.workerId());
    }

    @PreDestroy
    synchronized void stopAll() {
        dispatchers.values().forEach(PoolDispatcher::stop);
        dispatchers.clear();
    }

}
