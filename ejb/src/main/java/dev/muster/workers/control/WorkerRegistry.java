package dev.muster.workers.control;

import dev.muster.jobs.control.AttemptEndings;
import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.platform.Ids;
import dev.muster.platform.Refused;
import dev.muster.security.control.EnrolmentTokens;
import dev.muster.security.control.TokenKind;
import dev.muster.workers.entity.Worker;
import dev.muster.workers.entity.WorkerRegistration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;

import java.time.Clock;

/** Admits workers and recognises them afterwards by their secret. */
@Stateless
public class WorkerRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AttemptEndings endings;

    @Inject
    EnrolmentTokens enrolments;

    /**
     * The secret is returned once, here; the database keeps only its hash.
     *
     * @throws Refused 401 or 403 unless the enrolment admits a worker with this pool and these labels
     */
    public Registered register(@Valid WorkerRegistration registration, String enrolmentId) {
        enrolments.admit(enrolmentId, registration);
        String secret = TokenKind.WORKER.newSecret();
        Worker worker = new Worker(Ids.newId(), registration, Ids.sha256(secret), enrolmentId, clock.instant());
        em.persist(worker);
        return new Registered(worker, secret);
    }

    /**
     * The worker a request was recognised as (by its secret, see {@code Callers}), read again in this transaction.
     *
     * @throws Refused 403 when an admin revoked it, 401 when it left
     */
    public Worker present(String workerId) {
        Worker worker = em.find(Worker.class, workerId);
        if (worker != null && worker.isRevoked()) {
            throw Refused.forbidden(null, "this worker was revoked by an admin; it may not register again by itself");
        }
        if (worker == null || Worker.GONE.equals(worker.state())) {
            throw Refused.unauthorized("this worker was removed or has left; register again");
        }
        return worker;
    }

    public void seen(String workerId) {
        em.find(Worker.class, workerId).seen(clock.instant());
    }

    /**
     * The worker leaves. Attempts it still holds end as lost now, rather than when their leases run out: a worker
     * that says it is leaving will not report them.
     */
    public void deregister(String workerId) {
        em.find(Worker.class, workerId).leave();
        em.createQuery("select a from Attempt a where a.workerId = :worker and a.state = :active", Attempt.class)
                .setParameter("worker", workerId)
                .setParameter("active", AttemptState.ACTIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(attempt -> endings.end(attempt, AttemptState.LOST, null, "its worker deregistered"));
    }

    public long countConnected(java.time.Instant seenSince) {
        return em.createQuery("select count(w) from Worker w where w.state = :online and w.lastSeenAt > :since", Long.class)
                .setParameter("online", Worker.ONLINE)
                .setParameter("since", seenSince)
                .getSingleResult();
    }

    public record Registered(Worker worker, String secret) {
    }
}
