package dev.muster.jobs.control;

import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import dev.muster.platform.MusterMetrics;
import dev.muster.platform.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * Cancels jobs. A queued job is cancelled at once (its queue message is dropped when it comes up); a running job is
 * marked and its worker, told by its next heartbeat, kills the process and reports. Idempotent.
 */
@Stateless
public class JobCancellation {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MusterMetrics metrics;

    /** @throws Refused 404 for an unknown job, 409 for one that already ended other than cancelled */
    public Job cancel(String jobId) {
        Job job = em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw Refused.notFound("job", jobId);
        }
        if (job.state().isTerminal() && job.state() != JobState.CANCELLED) {
            throw Refused.conflict("job " + jobId + " already ended " + job.state() + "; it cannot be cancelled");
        }
        boolean wasQueued = job.state() == JobState.QUEUED;
        job.cancel(clock.instant());
        if (wasQueued) {
            metrics.completed(job.state());
        }
        return job;
    }
}
