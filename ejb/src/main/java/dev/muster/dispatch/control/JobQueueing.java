package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Job;
import dev.muster.platform.Resources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import java.time.Duration;

/**
 * Puts a job's id on the submission queue inside the caller's transaction, so the message exists exactly when the
 * job row (or its requeue) commits. A retry's backoff is the message's delivery delay: the broker holds it, no
 * thread of ours sleeps, and a server restart in between loses nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JobQueueing {

    static final String SUBMITTED_AT = "musterSubmittedAt";

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    public void enqueue(Job job) {
        enqueue(job, Duration.ZERO);
    }

    /** Queues the job to become visible to the router only after {@code delay} (the broker's scheduled delivery). */
    public void enqueue(Job job, Duration delay) {
        Message message = jms.createMessage();
        try {
            message.setStringProperty(DispatchQueues.JOB_ID, job.id());
            message.setStringProperty(DispatchQueues.POOL, job.pool());
            message.setStringProperty(DispatchQueues.LABELS, job.labels().canonical());
            message.setStringProperty(DispatchQueues.KIND, job.kind());
            message.setIntProperty(DispatchQueues.GENERATION, job.queueGeneration());
            message.setLongProperty(SUBMITTED_AT, job.submittedAt().toEpochMilli());
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        jms.createProducer()
                .setPriority(job.priority())
                .setDeliveryDelay(delay.toMillis())
                .send(jms.createQueue(DispatchQueues.SUBMITTED), message);
    }
}
