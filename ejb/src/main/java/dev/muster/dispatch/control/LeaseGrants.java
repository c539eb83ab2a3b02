package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
import dev.muster.jobs.entity.JobState;
import dev.muster.platform.Ids;
import dev.muster.platform.MusterMetrics;
import dev.muster.platform.Resources;
import dev.muster.workers.entity.Worker;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
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
 * Turns dispatch messages into leased attempts. The lease is the commit point: the JMS receive and the attempt rows
 * are one XA transaction, so a crash before commit redelivers the job and a commit means the worker owns it.
 */
@Stateless
public class LeaseGrants {

    private static final System.Logger LOG = System.getLogger(LeaseGrants.class.getName());

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LeaseSettings settings;

    @Inject
    JobQueueing queueing;

    @Inject
    MusterMetrics metrics;

    /**
     * Waits up to {@code wait} for a job the worker may run, then takes whatever else is ready, up to {@code slots}.
     * Returns an empty list when nothing came.
     */
    public List<Assignment> grant(Worker worker, int slots, Duration wait) {
        List<Assignment> granted = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(DispatchQueues.dispatchQueue(worker.pool())),
                DispatchQueues.selectorFor(worker.labels()))) {
            Message message = consumer.receive(Math.max(1, wait.toMillis()));
            while (message != null) {
                Job job = em.find(Job.class, message.getStringProperty(DispatchQueues.JOB_ID), LockModeType.PESSIMISTIC_WRITE);
                if (job != null && job.state() == JobState.QUEUED) {
                    granted.add(start(job, worker));
                } else {
                    LOG.log(Level.DEBUG, "dropping dispatch message of job {0}: not queued", message.getStringProperty(DispatchQueues.JOB_ID));
                }
                if (granted.size() >= slots) {
                    break;
                }
                message = consumer.receiveNoWait();
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return granted;
    }

    private Assignment start(Job job, Worker worker) {
        Instant now = clock.instant();
        Attempt attempt = job.start(Ids.newId(), worker.id(), Ids.newSecret(), now.plus(settings.lease()), now);
        em.persist(attempt);
        metrics.dispatched(Duration.between(job.submittedAt(), now));
        return Assignment.of(job, attempt);
    }

    /**
     * Gives back attempts whose worker never received them (its long-poll was gone by the time they were granted):
     * they never ran, so the job goes straight back to the queue.
     */
    public void release(List<Assignment> assignments) {
        Instant now = clock.instant();
        for (Assignment assignment : assignments) {
            Attempt attempt = em.find(Attempt.class, assignment.attemptId(), LockModeType.PESSIMISTIC_WRITE);
            if (attempt != null && attempt.state() == AttemptState.ACTIVE) {
                Job job = attempt.job();
                job.finish(attempt, AttemptState.LOST, null, "lease request abandoned before delivery", now);
                queueing.enqueue(job);
            }
        }
    }
}
