package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Attempt;
import dev.muster.jobs.entity.AttemptState;
import dev.muster.jobs.entity.Job;
import dev.muster.platform.Resources;
import dev.muster.workers.entity.Worker;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns dispatch messages into leased attempts. Each step has one transactional resource: the receive is this
 * method's transaction (the broker alone), and the attempts are written by {@link AttemptStarts} in a database
 * transaction that commits first, inside it. A crash between the two commits redelivers messages whose jobs are
 * leased already, and those are dropped; a failed database commit rolls the receive back, so the jobs come again.
 */
@Stateless
public class LeaseGrants {

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AttemptStarts starts;

    @Inject
    JobQueueing queueing;

    /**
     * Waits up to {@code wait} for a job the worker may run, then takes whatever else is ready, up to {@code slots}.
     * Returns an empty list when nothing came.
     */
    public List<Assignment> grant(Worker worker, int slots, Duration wait) {
        int wanted = Math.min(slots, worker.slots());
        List<Assignment> granted = new ArrayList<>();
        List<AttemptStarts.Offer> offers = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(DispatchQueues.dispatchQueue(worker.pool())),
                DispatchQueues.selectorFor(worker.labels(), worker.jobKinds()))) {
            Message message = consumer.receive(Math.max(1, wait.toMillis()));
            while (message != null) {
                offers.add(new AttemptStarts.Offer(message.getStringProperty(DispatchQueues.JOB_ID),
                        message.getIntProperty(DispatchQueues.GENERATION)));
                if (granted.size() + offers.size() >= wanted) {
                    // Offers that turn out outdated leave slots free: look for more.
                    granted.addAll(starts.start(worker, offers));
                    offers.clear();
                    if (granted.size() >= wanted) {
                        break;
                    }
                }
                message = consumer.receiveNoWait();
            }
            if (!offers.isEmpty()) {
                granted.addAll(starts.start(worker, offers));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return granted;
    }

    /**
     * Gives back attempts whose worker never received them (its long-poll was gone by the time they were granted):
     * they never ran, so the job goes straight back to the queue without using up an attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED) // the database alone
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
