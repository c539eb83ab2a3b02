package dev.muster.dispatch.control;

import dev.muster.jobs.entity.Job;
import dev.muster.platform.Resources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

/**
 * Where a job's last message goes when it has run out of attempts, in the transaction that fails it, so other
 * systems can react to poison jobs from the broker. The broker moves router messages that failed ten times to the
 * same queue. The API lists dead-lettered jobs from the database, which pages.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetterQueue {

    public static final String NAME = "muster.dead-letter";
    static final String REASON = "musterReason";
    static final String ATTEMPTS = "musterAttempts";

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    public void send(Job job) {
        Message message = jms.createMessage();
        try {
            message.setStringProperty(DispatchQueues.JOB_ID, job.id());
            message.setStringProperty(DispatchQueues.POOL, job.pool());
            message.setStringProperty(REASON, job.reason());
            message.setIntProperty(ATTEMPTS, job.attemptCount());
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        jms.createProducer().setPriority(job.priority()).send(jms.createQueue(NAME), message);
    }
}
