package dev.muster.dispatch.control;

import dev.muster.dispatch.entity.OutboxEntry;
import jakarta.ejb.ApplicationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broker send in a transaction of its own must fail as an application exception that rolls back: after a system
 * exception Payara leaves the caller's suspended transaction (outbox rows locked) unresumed whenever the rollback
 * fails too, as it does when the broker connection is gone (see {@link BrokerTransactionFailed}).
 */
class BrokerTransactionFailedTest {

    private static final JMSRuntimeException BROKER_GONE = new JMSRuntimeException("AMQ219016: Connection failure detected");

    @Test
    void rollsBackAndReachesTheCallerAsItIs() {
        ApplicationException declared = BrokerTransactionFailed.class.getAnnotation(ApplicationException.class);
        assertThat(declared).isNotNull();
        assertThat(declared.rollback()).isTrue();
    }

    @Test
    void anOutboxBatchTheBrokerCannotTakeFailsAsBrokerTransactionFailed() {
        OutboxSender sender = new OutboxSender();
        sender.jms = failing(JMSContext.class);
        OutboxMessage message = new OutboxMessage(1, OutboxEntry.Kind.DISPATCH, "job-1", 1, Instant.EPOCH, "default", "",
                "shell", 4, Instant.EPOCH, null, 0);

        assertThatThrownBy(() -> sender.send(List.of(message)))
                .isInstanceOf(BrokerTransactionFailed.class)
                .hasCause(BROKER_GONE);
    }

    @Test
    void aRoutedCopyTheBrokerCannotTakeFailsAsBrokerTransactionFailed() {
        RoutedSend send = new RoutedSend();
        send.jms = failing(JMSContext.class);
        Message submitted = (Message) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Message.class},
                (proxy, method, args) -> method.getReturnType() == int.class || method.getReturnType() == long.class ? 0 : null);

        assertThatThrownBy(() -> send.route(submitted))
                .isInstanceOf(BrokerTransactionFailed.class)
                .hasCause(BROKER_GONE);
    }

    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            throw BROKER_GONE;
        }));
    }
}
