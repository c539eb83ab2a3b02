package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
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
    private static final String NOT_VISIBLE_RETRIES = "musterNotVisibleRetries";
    /** With the delays below, about an hour and a half: a database may be away that long and then commit. */
    private static final int MAX_NOT_VISIBLE_RETRIES = 200;
    private static final long NOT_VISIBLE_FIRST_DELAY_MILLIS = 250;
    private static final long NOT_VISIBLE_MAX_DELAY_MILLIS = 30_000;

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PoolSettings pools;

    @Inject
    JobQueueing queueing;

    @Inject
    MusterMetrics metrics;

    /**
     * Waits up to {@code wait} for a job the worker may run, then takes whatever else is ready, up to {@code slots}.
     * Returns an empty list when nothing came.
     */
    public List<Assignment> grant(Worker worker, int slots, Duration wait) {
        slots = Math.min(slots, worker.slots());
        List<Assignment> granted = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(DispatchQueues.dispatchQueue(worker.pool())),
                DispatchQueues.selectorFor(worker.labels(), worker.jobKinds()))) {
            Message message = consumer.receive(Math.max(1, wait.toMillis()));
            while (message != null) {
                String jobId = message.getStringProperty(DispatchQueues.JOB_ID);
                Job job = em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE);
                Job.Delivery delivery = job == null ? Job.Delivery.EARLY
                        : job.delivery(message.propertyExists(DispatchQueues.GENERATION)
                            ? message.getIntProperty(DispatchQueues.GENERATION) : job.queueGeneration());
                switch (delivery) {
                    case DUE -> granted.add(start(job, worker));
                    case EARLY -> notYetVisible(message, worker.pool());
                    // A leftover of an earlier trip through the queue, or a job cancelled or ended meanwhile.
                    case OUTDATED -> LOG.log(Level.DEBUG, "dropping dispatch message of job {0}: {1}", jobId, job.state());
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

    /**
     * The two branches of a queueing XA transaction commit one after the other, so the message can arrive before the
     * job row (or its requeue) is visible; when the database is away, that commit waits for it. The message goes back
     * with a growing delay, in this same transaction; after about an hour and a half it is given up (its
     * transaction must have rolled back in the database, which leaves the job where the reaper finds it).
     */
    private void notYetVisible(Message message, String pool) throws JMSException {
        int retries = message.propertyExists(NOT_VISIBLE_RETRIES) ? message.getIntProperty(NOT_VISIBLE_RETRIES) : 0;
        String jobId = message.getStringProperty(DispatchQueues.JOB_ID);
        if (retries >= MAX_NOT_VISIBLE_RETRIES) {
            LOG.log(Level.WARNING, "dropping dispatch message of job {0}: still not visible in the database after {1} tries", jobId, retries);
            return;
        }
        Message again = jms.createMessage();
        again.setStringProperty(DispatchQueues.JOB_ID, jobId);
        again.setStringProperty(DispatchQueues.POOL, pool);
        again.setStringProperty(DispatchQueues.LABELS, message.getStringProperty(DispatchQueues.LABELS));
        if (message.propertyExists(DispatchQueues.KIND)) {
            again.setStringProperty(DispatchQueues.KIND, message.getStringProperty(DispatchQueues.KIND));
        }
        again.setIntProperty(NOT_VISIBLE_RETRIES, retries + 1);
        if (message.propertyExists(DispatchQueues.GENERATION)) {
            again.setIntProperty(DispatchQueues.GENERATION, message.getIntProperty(DispatchQueues.GENERATION));
        }
        long delay = Math.min(NOT_VISIBLE_MAX_DELAY_MILLIS, NOT_VISIBLE_FIRST_DELAY_MILLIS << Math.min(retries, 10));
        jms.createProducer().setPriority(message.getJMSPriority()).setDeliveryDelay(delay)
                .send(jms.createQueue(DispatchQueues.dispatchQueue(pool)), again);
    }

    private Assignment start(Job job, Worker worker) {
        Instant now = clock.instant();
        Attempt attempt = job.start(Ids.newId(), worker.id(), Ids.newSecret(), now.plus(pools.lease(job.pool())), now);
        em.persist(attempt);
        if (attempt.number() == 1) { // a retry's wait includes its backoff: not dispatch latency
            metrics.dispatched(Duration.between(job.submittedAt(), now));
        }
        return Assignment.of(job, attempt);
    }

    /**
     * Gives back attempts whose worker never received them (its long-poll was gone by the time they were granted):
     * they never ran, so the job goes straight back to the queue without using up an attempt.
     */
    public void release(List<Assignment> assignments) {
        for (Assignment assignment : assignments) {
            Attempt attempt = em.find(Attempt.class, assignment.attemptId(), LockModeType.PESSIMISTIC_WRITE);
            if (attempt != null && attempt.state() == AttemptState.ACTIVE) {
                Job job = attempt.job();
                em.refresh(job, LockModeType.PESSIMISTIC_WRITE);
                if (job.isCancelRequested()) {
                    job.finish(attempt, AttemptState.CANCELLED, null, "cancelled before delivery", clock.instant());
                } else {
                    job.withdraw(attempt);
                    em.remove(attempt);
                    queueing.enqueue(job);
                }
            }
        }
    }
}
