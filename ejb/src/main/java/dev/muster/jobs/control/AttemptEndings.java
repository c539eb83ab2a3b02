package dev.muster.jobs.control;

import dev.muster.dispatch.control.DeadLetterQueue;
import dev.muster.dispatch.control.JobQueueing;
import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import dev.muster.platform.MusterMetrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ends an attempt, however it ended (reported, reaped, its worker left), and carries out what that means for the
 * job in the same transaction: a retry goes back on the queue with its backoff, a job out of attempts goes to the
 * dead-letter queue. The caller holds the attempt's row lock; this takes the job's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AttemptEndings {

    @PersistenceContext
    EntityManager em;

    @Inject
    JobQueueing queueing;

    @Inject
    DeadLetterQueue deadLetters;

    @Inject
    Clock clock;

    @Inject
    MusterMetrics metrics;

    public Job end(Attempt attempt, AttemptState outcome, Integer exitCode, String detail) {
        Job job = attempt.job();
        // Attempt row first, then job row, everywhere: a cancel that just marked the job is seen, not overwritten.
        em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
        job.finish(attempt, outcome, exitCode, detail, clock.instant());
        if (job.state() == JobState.QUEUED) {
            Duration delay = job.retryDelay(ThreadLocalRandom.current().nextDouble());
            queueing.enqueue(job, delay);
            metrics.retried(job.pool());
        } else {
            metrics.completed(job.state());
            if (job.isDeadLettered()) {
                deadLetters.send(job);
                metrics.deadLettered(job.pool());
            }
        }
        return job;
    }
}
