package dev.muster.chaos;

import java.time.Instant;
import java.util.List;

/** Stops PostgreSQL (fast shutdown: open connections are cut), keeps it down a few seconds, starts it again. */
final class DatabaseRestart implements Fault {

    @Override
    public FaultRecord inject(FaultContext context) throws Exception {
        Database database = context.cluster().database();
        Instant start = Instant.now();
        database.stop();
        context.log().accept("database-restart: PostgreSQL stopped");
        Thread.sleep(BrokerRestart.DOWN.toMillis());
        database.start();
        boolean ready = context.cluster().instances().awaitReady(BrokerRestart.RECOVERY_LIMIT);
        context.log().accept("database-restart: PostgreSQL started again; server " + (ready ? "ready"
                : "NOT ready after " + BrokerRestart.RECOVERY_LIMIT.toSeconds() + " s"));
        return new FaultRecord(context.scenario(), "database restarted", start, Instant.now(), List.of(), ready,
                "down " + BrokerRestart.DOWN.toSeconds() + " s");
    }
}
