package dev.muster.dispatch.control;

import dev.muster.platform.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Moves each submitted job to its pool's dispatch queue, keeping its priority. Receive and send are one
 * transaction: a failure redelivers the submission rather than losing or duplicating it.
 *
 * <p>Which resource adapter it listens through is the server's business: {@code muster-artemis}, named in the
 * vendor descriptors (Payara: the web module's {@code WEB-INF/glassfish-ejb-jar.xml}; WildFly: this jar's
 * {@code META-INF/jboss-ejb3.xml}). The properties below are standard or Artemis's own, understood by both.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = DispatchQueues.SUBMITTED),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        // The adapter's own reconnectAttempts is small so that sends fail fast while the broker is down; an MDB
        // whose connection gave up is never set up again, so this one is meant to retry for ever. Unverified on
        // Payara, which logs rardeployment.no_setter_method since this was added (docs/reliability.md, gaps).
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = "-1")
})
public class JobRouter implements MessageListener {

    @Inject
    @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
    JMSContext jms;

    @Override
    public void onMessage(Message submitted) {
        try {
            String pool = submitted.getStringProperty(DispatchQueues.POOL);
            Message routed = jms.createMessage();
            routed.setStringProperty(DispatchQueues.JOB_ID, submitted.getStringProperty(DispatchQueues.JOB_ID));
            routed.setStringProperty(DispatchQueues.POOL, pool);
            routed.setStringProperty(DispatchQueues.LABELS, submitted.getStringProperty(DispatchQueues.LABELS));
            if (submitted.propertyExists(DispatchQueues.KIND)) { // absent on messages sent before js jobs existed
                routed.setStringProperty(DispatchQueues.KIND, submitted.getStringProperty(DispatchQueues.KIND));
            }
            if (submitted.propertyExists(DispatchQueues.GENERATION)) {
                routed.setIntProperty(DispatchQueues.GENERATION, submitted.getIntProperty(DispatchQueues.GENERATION));
            }
            routed.setLongProperty(JobQueueing.SUBMITTED_AT, submitted.getLongProperty(JobQueueing.SUBMITTED_AT));
            jms.createProducer()
                    .setPriority(submitted.getJMSPriority())
                    .send(jms.createQueue(DispatchQueues.dispatchQueue(pool)), routed);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot route " + submitted, e.getErrorCode(), e);
        }
    }
}
