package dev.muster.dispatch.control;

import dev.muster.platform.Resources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends a batch of outbox messages in a transaction of its own that holds only the broker: one commit, one journal
 * write for the batch, and no two-phase commit (the database's part is the caller's transaction, which commits
 * after this one). Any failure leaves as {@link BrokerTransactionFailed}, so that the caller's transaction, which
 * holds the batch's outbox rows locked, is resumed and rolled back even when the broker is gone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxSender {

    static final String REASON = "musterReason";
    static final String ATTEMPTS = "musterAttempts";

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    Clock clock;

    public void send(List<OutboxMessage> messages) {
        try {
            sendAll(messages);
        } catch (RuntimeException e) { // whatever failed: see BrokerTransactionFailed
            throw new BrokerTransactionFailed("cannot send " + messages.size() + " outbox message(s): " + e, e);
        }
    }

    private void sendAll(List<OutboxMessage> messages) {
        JMSProducer producer = jms.createProducer();
        for (OutboxMessage outgoing : messages) {
            try {
                Message message = jms.createMessage();
                message.setStringProperty(DispatchQueues.JOB_ID, outgoing.jobId());
                message.setStringProperty(DispatchQueues.POOL, outgoing.pool());
                switch (outgoing.kind()) {
                    case DISPATCH -> {
                        message.setStringProperty(DispatchQueues.LABELS, outgoing.labels());
                        message.setStringProperty(DispatchQueues.KIND, outgoing.jobKind());
                        message.setIntProperty(DispatchQueues.GENERATION, outgoing.generation());
                        message.setLongProperty(DispatchQueues.SUBMITTED_AT, outgoing.submittedAt().toEpochMilli());
                        long delay = Duration.between(clock.instant(), outgoing.deliverAt()).toMillis();
                        producer.setPriority(outgoing.priority()).setDeliveryDelay(Math.max(0, delay))
                                .send(jms.createQueue(DispatchQueues.SUBMITTED), message);
                    }
                    case DEAD_LETTER -> {
                        message.setStringProperty(REASON, outgoing.reason());
                        message.setIntProperty(ATTEMPTS, outgoing.attempts());
                        producer.setPriority(outgoing.priority()).setDeliveryDelay(0)
                                .send(jms.createQueue(DeadLetterQueue.NAME), message);
                    }
                }
            } catch (JMSException e) {
                throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
            }
        }
    }
}
