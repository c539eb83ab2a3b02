package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.Job;
import dev.muster.platform.Ids;
import dev.muster.platform.MusterMetrics;
import dev.muster.workers.entity.Worker;
import dev.muster.workspaces.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's half of a lease: starts an attempt for each offered job that is still due, in a transaction of its
 * own that commits before the broker's receive does (see {@link LeaseGrants}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptStarts {

    private static final System.Logger LOG = System.getLogger(AttemptStarts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PoolSettings pools;

    @Inject
    MusterMetrics metrics;

    /** A dispatch message as received: which job, on which trip through the queue. */
    public record Offer(String jobId, int generation) {
    }

    public List<Assignment> start(Worker worker, List<Offer> offers) {
        List<Assignment> started = new ArrayList<>();
        for (Offer offer : offers) {
            Job job = em.find(Job.class, offer.jobId(), LockModeType.PESSIMISTIC_WRITE);
            if (job == null) {
                LOG.log(Level.WARNING, "dropping a dispatch message for job {0}, which is not in the database", offer.jobId());
            } else if (job.isDue(offer.generation())) {
                started.add(start(job, worker));
            } else {
                // A leftover of an earlier trip through the queue, a repeat, or a job cancelled or ended meanwhile.
                LOG.log(Level.DEBUG, "dropping dispatch message of job {0}: {1}", offer.jobId(), job.state());
            }
        }
        return started;
    }

    private Assignment start(Job job, Worker worker) {
        Instant now = clock.instant();
        Attempt attempt = job.start(Ids.newId(), worker.id(), Ids.newSecret(), now.plus(pools.lease(job.pool())), now);
        em.persist(attempt);
        if (attempt.number() == 1) { // a retry's wait includes its backoff: not dispatch latency
            metrics.dispatched(Duration.between(job.submittedAt(), now));
        }
        Workspace workspace = job.workspaceId() == null ? null : em.find(Workspace.class, job.workspaceId());
        return Assignment.of(job, attempt, workspace == null ? null : workspace.ref());
    }
}
