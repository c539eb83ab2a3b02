package dev.muster.dispatch.control;

import dev.muster.platform.Resources;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The sending half of {@link JobRouter}: the routed copy, in a broker transaction of its own. Any failure leaves as
 * {@link BrokerTransactionFailed}, so that the router's suspended receive is resumed and rolled back (the submission
 * comes again) even when the broker is gone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RoutedSend {

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    public void route(Message submitted) {
        try {
            String pool = submitted.getStringProperty(DispatchQueues.POOL);
            Message routed = jms.createMessage();
            routed.setStringProperty(DispatchQueues.JOB_ID, submitted.getStringProperty(DispatchQueues.JOB_ID));
            routed.setStringProperty(DispatchQueues.POOL, pool);
            routed.setStringProperty(DispatchQueues.LABELS, submitted.getStringProperty(DispatchQueues.LABELS));
            routed.setStringProperty(DispatchQueues.KIND, submitted.getStringProperty(DispatchQueues.KIND));
            routed.setIntProperty(DispatchQueues.GENERATION, submitted.getIntProperty(DispatchQueues.GENERATION));
            routed.setLongProperty(DispatchQueues.SUBMITTED_AT, submitted.getLongProperty(DispatchQueues.SUBMITTED_AT));
            jms.createProducer()
                    .setPriority(submitted.getJMSPriority())
                    .send(jms.createQueue(DispatchQueues.dispatchQueue(pool)), routed);
        } catch (JMSException | RuntimeException e) { // whatever failed: see BrokerTransactionFailed
            throw new BrokerTransactionFailed("cannot route " + submitted + ": " + e, e);
        }
    }
}
