package dev.muster.dispatch.control;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Moves each submitted job to its pool's dispatch queue, keeping its priority. The receive is this bean's transaction
 * (the inbound session alone); the routed copy is sent by {@link RoutedSend} in a transaction of its own that commits
 * first. A failure before that redelivers the submission; a crash between the two commits routes it twice, and the
 * lease drops the second copy (its queue generation is spent). Joining both sessions in one XA transaction would let
 * a transaction prepared when its instance died hold the job until that instance came back.
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
        // whose connection gave up is never set up again, so this one is meant to retry for ever. (Payara logs
        // rardeployment.no_setter_method for it; the broker-restart chaos scenario shows the router coming back.)
        @ActivationConfigProperty(propertyName = "reconnectAttempts", propertyValue = "-1")
})
public class JobRouter implements MessageListener {

    @Inject
    RoutedSend send;

    @Override
    public void onMessage(Message submitted) {
        send.route(submitted);
    }
}
