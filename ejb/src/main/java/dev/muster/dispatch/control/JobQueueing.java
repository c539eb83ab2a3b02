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

/**
 * Puts a job's id on the submission queue inside the caller's transaction, so the message exists exactly when the
 * job row (or its requeue) commits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JobQueueing {

    static final String SUBMITTED_AT = "musterSubmittedAt";

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    public void enqueue(Job job) {
        Message message = jms.createMessage();
        try {
            message.setStringProperty(DispatchQueues.JOB_ID, job.id());
            message.setStringProperty(DispatchQueues.POOL, job.pool());
            message.setStringProperty(DispatchQueues.LABELS, job.labels().canonical());
            message.setLongProperty(SUBMITTED_AT, job.submittedAt().toEpochMilli());
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        jms.createProducer()
                .setPriority(job.priority())
                .send(jms.createQueue(DispatchQueues.SUBMITTED), message);
    }
}
