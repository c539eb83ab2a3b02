package dev.muster.workers.control;

import dev.muster.platform.Refused;
import dev.muster.workers.entity.Worker;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * What an operator does to a worker. A draining worker keeps its running attempts (heartbeats, logs and completions
 * go on as before) but its lease requests are answered empty until it is resumed; removing it is a deregistration
 * on its behalf, so its running attempts end as lost and are retried elsewhere.
 */
@Stateless
public class WorkerSteering {

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkerRegistry registry;

    @Inject
    Clock clock;

    @Inject
    Event<WorkerDraining> draining;

    /** Fires {@link WorkerDraining} so this instance answers the worker's parked long-poll at once. */
    public void drain(String workerId) {
        present(workerId).drain();
        draining.fire(new WorkerDraining(workerId));
    }

    public void resume(String workerId) {
        present(workerId).resume();
    }

    /**
     * A revocation: the worker's secret stops working at once (403, so that it does not simply enrol again), its
     * running attempts end as lost, and its parked long-poll is answered.
     */
    public void remove(String workerId) {
        Worker worker = present(workerId);
        registry.deregister(workerId);
        worker.revoke(clock.instant());
        draining.fire(new WorkerDraining(workerId));
    }

    private Worker present(String workerId) {
        Worker worker = workerId == null ? null : em.find(Worker.class, workerId, LockModeType.PESSIMISTIC_WRITE);
        if (worker == null) {
            throw Refused.notFound("worker", workerId);
        }
        if (Worker.GONE.equals(worker.state())) {
            throw Refused.conflict("worker " + worker.name() + " has already left");
        }
        return worker;
    }

    /** A worker was set to drain or removed; observers act after the transaction commits. */
    public record WorkerDraining(String workerId) {
    }
}
