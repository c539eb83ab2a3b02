package dev.muster.chaos;

import java.time.Duration;
import java.time.Instant;

/** Stops the Artemis broker, keeps it down a few seconds, starts it again (same port, same journal). */
final class BrokerRestart implements Fault {

    static final Duration DOWN = Duration.ofSeconds(3);
    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        Broker broker = context.cluster().broker();
        Instant start = Instant.now();
        broker.stop();
        context.log().accept("broker-restart: Artemis stopped");
        Thread.sleep(DOWN.toMillis());
        broker.start();
        boolean ready = context.cluster().instances().awaitReady(RECOVERY_LIMIT);
        context.log().accept("broker-restart: Artemis started again; server " + (ready ? "ready" : "NOT ready after " + RECOVERY_LIMIT.toSeconds() + " s"));
        return new FaultRecord(context.scenario(), "broker restarted", start, Instant.now(), java.util.List.of(), ready,
                "down " + DOWN.toSeconds() + " s");
    }
}
